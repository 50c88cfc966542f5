using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PartyAssistant.Conversations;
using PartyAssistant.Questions;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Makes a follow-up ("còn đảng viên nghỉ hưu thì sao?") searchable on its own. With a model, the
/// model rewrites it; offline, or when the model fails, a rule adds the previous question's topic.
/// </summary>
public sealed class FollowUpRewriter(ILogger<FollowUpRewriter> logger)
{
    /// <summary>The rule: the follow-up, then the previous question it continues.</summary>
    public static string ByRule(QuestionAnalysis question, IReadOnlyList<ConversationTurn> history) =>
        history.Count == 0 || !question.IsFollowUp ? question.Original : $"{question.Original} ({history[^1].StandaloneQuestion.Trim()})";

    public async Task<string> RewriteAsync(QuestionAnalysis question, IReadOnlyList<ConversationTurn> history, IChatCompletionService? model, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (history.Count == 0 || !question.IsFollowUp)
        {
            return question.Original;
        }

        if (model is null)
        {
            return ByRule(question, history);
        }

        try
        {
            var prompt = PromptLibrary.RewriteFollowUp
                .Replace("{{HISTORY}}", string.Join('\n', history.Select(t => "- " + t.StandaloneQuestion)), StringComparison.Ordinal)
                .Replace("{{QUESTION}}", question.Original, StringComparison.Ordinal);
            var chat = new ChatHistory();
            chat.AddUserMessage(prompt);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var reply = await model.GetChatMessageContentAsync(chat, cancellationToken: limit.Token).ConfigureAwait(false);
            var rewritten = reply.Content?.Trim().Trim('"', '“', '”');
            if (InputValidator.Question(rewritten) is null && !rewritten!.Contains(PromptLibrary.NotFoundToken, StringComparison.Ordinal))
            {
                return rewritten;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Mô hình không viết lại được câu hỏi tiếp theo; dùng quy tắc.");
        }

        return ByRule(question, history);
    }
}
