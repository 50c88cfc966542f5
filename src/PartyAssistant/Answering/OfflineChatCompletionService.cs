using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PartyAssistant.Questions;
using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>
/// The chat service used when no model is configured: the same pipeline, prompt and citation
/// check, with the extractive answerer in place of a model. It reads the passages and the
/// question from the metadata the pipeline attaches to the user message, not from the prompt text.
/// </summary>
public sealed class OfflineChatCompletionService(ExtractiveAnswerer answerer) : IChatCompletionService
{
    public const string PassagesKey = "partyassistant.passages";
    public const string QuestionKey = "partyassistant.question";
    public const string ModelId = "offline-extractive";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { ["ModelId"] = ModelId };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = chatHistory.LastOrDefault(m => m.Role == AuthorRole.User);
        var text = request?.Metadata is { } metadata &&
                   metadata.TryGetValue(PassagesKey, out var passages) && passages is SuppliedPassages supplied &&
                   metadata.TryGetValue(QuestionKey, out var question) && question is QuestionAnalysis analyzed
            ? answerer.Answer(analyzed, supplied)
            : PromptLibrary.NotFoundToken;
        IReadOnlyList<ChatMessageContent> result = [new ChatMessageContent(AuthorRole.Assistant, text, ModelId)];
        return Task.FromResult(result);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var messages = await this.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false);
        yield return new StreamingChatMessageContent(AuthorRole.Assistant, messages[0].Content, modelId: ModelId);
    }
}
