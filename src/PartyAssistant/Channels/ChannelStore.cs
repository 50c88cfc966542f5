using System.Text.Json;
using Microsoft.Data.Sqlite;
using PartyAssistant.Answering;
using PartyAssistant.Storage;

namespace PartyAssistant.Channels;

/// <summary>An answer kept for the buttons under it: the cited passages and the documents they come from.</summary>
public sealed record StoredAnswer(long Id, string Question, string Answer, IReadOnlyList<StoredPassage> Passages, IReadOnlyList<Citation> Citations);

public sealed record StoredPassage(string PassageId, string DocumentId, string Label, string Text);

/// <summary>
/// What the bots keep in the application database: polling offsets, the updates already handled,
/// the answers their buttons refer to, and users' feedback.
/// </summary>
public sealed class ChannelStore(ApplicationDatabase database, TimeProvider clock)
{
    public async Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM channel_state WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>Several settings in one transaction: all are stored, or none.</summary>
    public async Task SetStatesAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, value) in values)
        {
            await SetStateAsync(transaction, key, value, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SetStateAsync(SqliteTransaction transaction, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO channel_state (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps fetched updates, and the offset that confirms them to the platform, in one transaction:
    /// once the platform forgets them, they are still here to be handled.
    /// </summary>
    public async Task AddToInboxAsync(string channel, IEnumerable<(long UpdateId, string Payload)> updates, string offsetKey, string offset, CancellationToken cancellationToken)
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

        await SetStateAsync(transaction, offsetKey, offset, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates fetched but not yet handled (after a crash or restart), oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingInboxAsync(string channel, CancellationToken cancellationToken)
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
    public async Task CompleteAsync(string channel, string updateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // A real transaction object: rolled back if anything fails, never left open on a pooled connection.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var mark = connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = "INSERT OR IGNORE INTO processed_updates (channel, update_id, at_unix_ms) VALUES ($c, $s, $t)";
            mark.Parameters.AddWithValue("$c", channel);
            mark.Parameters.AddWithValue("$s", updateId);
            mark.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var remove = connection.CreateCommand())
        {
            remove.Transaction = transaction;
            remove.CommandText = "DELETE FROM inbox WHERE channel = $c AND update_id = $u";
            remove.Parameters.AddWithValue("$c", channel);
            remove.Parameters.AddWithValue("$u", InboxKey(updateId));
            await remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a webhook event into the inbox by its platform id; false for a redelivery.</summary>
    public async Task<bool> TryAddToInboxAsync(string channel, string updateId, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO inbox (channel, update_id, payload)
            SELECT $c, $u, $p WHERE NOT EXISTS (SELECT 1 FROM processed_updates WHERE channel = $c AND update_id = $s)
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$u", InboxKey(updateId));
        command.Parameters.AddWithValue("$s", updateId);
        command.Parameters.AddWithValue("$p", payload);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Forgets handled-update marks older than a week (platforms stop redelivering long before) and
    /// answers older than 90 days that nobody gave feedback on (their buttons then say so).
    /// </summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM processed_updates WHERE at_unix_ms < $week;
            DELETE FROM delivered_parts WHERE at_unix_ms < $week;
            DELETE FROM deferred_events WHERE first_at_unix_ms < $week;
            DELETE FROM answers WHERE at_unix_ms < $quarter AND id NOT IN (SELECT answer_id FROM feedback);
            """;
        command.Parameters.AddWithValue("$week", clock.GetUtcNow().AddDays(-7).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$quarter", clock.GetUtcNow().AddDays(-90).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether this part of the replies to an event reached the user: a retried event sends only the rest.</summary>
    public async Task<bool> IsPartDeliveredAsync(string channel, string eventId, string part, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM delivered_parts WHERE channel = $c AND event_id = $e AND part = $p";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$e", eventId);
        command.Parameters.AddWithValue("$p", part);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task MarkPartDeliveredAsync(string channel, string eventId, string part, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO delivered_parts (channel, event_id, part, at_unix_ms) VALUES ($c, $e, $p, $t)";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$e", eventId);
        command.Parameters.AddWithValue("$p", part);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>When delivery of an event's replies first failed (now, if this is the first time): kept across restarts.</summary>
    public async Task<DateTimeOffset> FirstDeferredAsync(string channel, string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO deferred_events (channel, event_id, first_at_unix_ms) VALUES ($c, $e, $t);
            SELECT first_at_unix_ms FROM deferred_events WHERE channel = $c AND event_id = $e;
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$e", eventId);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    // Numeric ids stay numbers in the inbox (the polling path writes them as numbers); others stay text.
    private static object InboxKey(string id) => long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : id;

    public async Task<bool> IsProcessedAsync(string channel, string updateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM processed_updates WHERE channel = $c AND update_id = $u";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$u", updateId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<long> SaveAnswerAsync(string channel, string chat, string user, GroundedAnswer answer, CancellationToken cancellationToken)
    {
        var passages = answer.Passages.Select(p => new StoredPassage(p.PassageId, p.DocumentId, p.Label, p.Text)).ToList();
        var json = JsonSerializer.Serialize(new AnswerJson(answer.Answer, passages, answer.Citations.ToList()));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO answers (channel, chat, user, question, answer_json, at_unix_ms) VALUES ($c, $chat, $u, $q, $a, $t);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$chat", chat);
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$q", answer.Question);
        command.Parameters.AddWithValue("$a", json);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<StoredAnswer?> GetAnswerAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT question, answer_json FROM answers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<AnswerJson>(reader.GetString(1))!;
        return new StoredAnswer(id, reader.GetString(0), stored.Answer, stored.Passages, stored.Citations);
    }

    /// <summary>One vote per user and answer; voting again changes it.</summary>
    public async Task SaveFeedbackAsync(long answerId, string user, bool helpful, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feedback (answer_id, user, vote, at_unix_ms) VALUES ($a, $u, $v, $t)
            ON CONFLICT (answer_id, user) DO UPDATE SET vote = excluded.vote, at_unix_ms = excluded.at_unix_ms
            """;
        command.Parameters.AddWithValue("$a", answerId);
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$v", helpful ? 1 : -1);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(long AnswerId, string User, int Vote)>> FeedbackAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT answer_id, user, vote FROM feedback ORDER BY at_unix_ms";
        var votes = new List<(long, string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            votes.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return votes;
    }

    private sealed record AnswerJson(string Answer, List<StoredPassage> Passages, List<Citation> Citations);
}
