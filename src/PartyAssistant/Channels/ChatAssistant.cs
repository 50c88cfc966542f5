using PartyAssistant.Answering;
using PartyAssistant.Conversations;
using PartyAssistant.Obligations;
using PartyAssistant.Office;
using PartyAssistant.Text;

namespace PartyAssistant.Channels;

/// <summary>
/// What every bot does with a message, on any platform: the commands, and questions answered
/// through the pipeline with the user's conversation, within the per-user rate limit.
/// </summary>
public sealed class ChatAssistant(RecordedAnswers answering, IConversationStore conversations, BotDocuments documents, ObligationBook obligations, ChatQuiz quiz)
{
    public async Task HandleAsync(IncomingMessage message, IReplySender sender, QuestionRateLimiter limiter, CancellationToken cancellationToken)
    {
        switch (message.Command)
        {
            case "start":
                await sender.SendTextAsync(message, ChatCommands.Welcome, cancellationToken).ConfigureAwait(false);
                break;
            case "vanban":
                await sender.SendTextAsync(message, await documents.ListAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
            case "xem":
                await sender.SendTextAsync(message, await documents.ShowAsync(message.Argument, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
            case "nghiavu":
                await sender.SendTextAsync(message, await obligations.DescribeAsync(message.Argument, "/nghiavu vai trò, ví dụ: /nghiavu bí thư chi bộ", cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
            case "quiz":
                await quiz.StartAsync(message, sender, cancellationToken).ConfigureAwait(false);
                break;
            case null when await quiz.TryAnswerTextAsync(message, sender, cancellationToken).ConfigureAwait(false):
                break;
            case "moi":
                await conversations.ForgetAsync(message.Conversation, cancellationToken).ConfigureAwait(false);
                await sender.SendTextAsync(message, ChatCommands.Forgotten, cancellationToken).ConfigureAwait(false);
                break;
            case null or "hoi":
                await this.AnswerAsync(message, sender, limiter, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await sender.SendTextAsync(message, ChatCommands.Help, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerAsync(IncomingMessage message, IReplySender sender, QuestionRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (InputValidator.Question(message.Argument) is { } problem)
        {
            await sender.SendTextAsync(message, problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!limiter.TryAcquire(message.Conversation.User))
        {
            await sender.SendTextAsync(message, ChatCommands.RateLimited, cancellationToken).ConfigureAwait(false);
            return;
        }

        var recorded = await sender.WhileTypingAsync(message, () => answering.AskAsync(message.Argument, message.Conversation, cancellationToken), cancellationToken).ConfigureAwait(false);
        await sender.SendAnswerAsync(message, recorded.Answer, recorded.AnswerId, cancellationToken).ConfigureAwait(false);
    }
}
