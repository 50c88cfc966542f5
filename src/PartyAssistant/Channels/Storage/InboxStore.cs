using Microsoft.Data.Sqlite;
using PartyAssistant.Storage;

namespace PartyAssistant.Channels.Storage;

/// <summary>
/// The channels' durable inbox: every event kept before the platform is told it arrived, and the
/// marks of events already handled, so a redelivery is recognised and a crash replays rather than loses.
/// </summary>
public sealed class InboxStore(ApplicationDatabase database, TimeProvider clock)
{
    /// <summary>
    /// Keeps fetched updates, and the offset that confirms them to the platform, in one transaction:
    /// once the platform forgets them, they are still here to be handled.
    /// </summary>
    public async Task AddFetchedAsync(string channel, IEnumerable<(long UpdateId, string Payload)> updates, string offsetKey, string offset, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (updateId, payload) in updates)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO inbox (channel, update_id, payload) VALUES ($c, $u, $p)";
            insert.Parameters.AddWithValue("$c", channel);
            insert.Parameters.AddWithValue("$u", updateId);
            insert.Parameters.AddWithValue("$p", payload);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ChannelStateStore.SetAsync(transaction, offsetKey, offset, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a webhook event into the inbox by its platform id; false for a redelivery.</summary>
    public async Task<bool> TryAddAsync(string channel, string eventId, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO inbox (channel, update_id, payload)
            SELECT $c, $u, $p WHERE NOT EXISTS (SELECT 1 FROM processed_updates WHERE channel = $c AND update_id = $s)
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$u", InboxKey(eventId));
        command.Parameters.AddWithValue("$s", eventId);
        command.Parameters.AddWithValue("$p", payload);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Events taken but not yet handled (after a crash or restart), oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM inbox WHERE channel = $c ORDER BY rowid";
        command.Parameters.AddWithValue("$c", channel);
        var payloads = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            payloads.Add(reader.GetString(0));
        }

        return payloads;
    }

    /// <summary>Marks an event handled (by its platform id, e.g. a Zalo msg_id) and takes it out of the inbox.</summary>
    public async Task CompleteAsync(string channel, string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // A real transaction object: rolled back if anything fails, never left open on a pooled connection.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var mark = connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = "INSERT OR IGNORE INTO processed_updates (channel, update_id, at_unix_ms) VALUES ($c, $s, $t)";
            mark.Parameters.AddWithValue("$c", channel);
            mark.Parameters.AddWithValue("$s", eventId);
            mark.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var remove = connection.CreateCommand())
        {
            remove.Transaction = transaction;
            remove.CommandText = "DELETE FROM inbox WHERE channel = $c AND update_id = $u";
            remove.Parameters.AddWithValue("$c", channel);
            remove.Parameters.AddWithValue("$u", InboxKey(eventId));
            await remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsProcessedAsync(string channel, string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM processed_updates WHERE channel = $c AND update_id = $u";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$u", eventId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Forgets handled-event marks older than a week: platforms stop redelivering long before.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM processed_updates WHERE at_unix_ms < $week";
        command.Parameters.AddWithValue("$week", clock.GetUtcNow().AddDays(-7).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Numeric ids stay numbers in the inbox (the polling path writes them as numbers); others stay text.
    private static object InboxKey(string id) => long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : id;
}
