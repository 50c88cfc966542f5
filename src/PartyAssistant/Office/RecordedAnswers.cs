using PartyAssistant.Answering;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Conversations;

namespace PartyAssistant.Office;

/// <summary>An answer given to a user, stored for its 👍/👎 under <see cref="AnswerId"/>.</summary>
public sealed record RecordedAnswer(GroundedAnswer Answer, long AnswerId);

/// <summary>
/// How the bots and the web answer a user: through the pipeline with the user's conversation, the answer kept
/// for feedback and the question logged for the office. (`ask` on the command line answers without a record.)
/// </summary>
public sealed class RecordedAnswers(AnswerPipeline pipeline, AnswerStore answers, QuestionLog log)
{
    public async Task<RecordedAnswer> AskAsync(string question, ConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var answer = await pipeline.AskAsync(question, key, cancellationToken).ConfigureAwait(false);
        var answerId = await answers.SaveAnswerAsync(key.Channel, key.Chat, key.User, answer, cancellationToken).ConfigureAwait(false);
        await log.RecordAsync(key, answer, answerId, cancellationToken).ConfigureAwait(false);
        return new RecordedAnswer(answer, answerId);
    }
}
