using PartyAssistant.Office;

namespace PartyAssistant.Channels.Storage;

/// <summary>Old records of every channel store, and logged questions past their retention, pruned together once at each start.</summary>
public sealed class ChannelHousekeeping(InboxStore inbox, OutboxStore outbox, AnswerStore answers, QuestionLog questions)
{
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await inbox.PruneAsync(cancellationToken).ConfigureAwait(false);
        await outbox.PruneAsync(cancellationToken).ConfigureAwait(false);
        await answers.PruneAsync(cancellationToken).ConfigureAwait(false);
        await questions.PruneAsync(cancellationToken).ConfigureAwait(false);
    }
}
