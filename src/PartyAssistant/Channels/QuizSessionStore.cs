using System.Text.Json;
using PartyAssistant.Quizzes;
using PartyAssistant.Storage;

namespace PartyAssistant.Channels;

/// <summary>A chat's quiz in progress: its questions, the next one to answer, the score so far.</summary>
public sealed record QuizSession(long Id, string DocumentId, IReadOnlyList<QuizItem> Items, int Position, int Score)
{
    public bool Finished => this.Position >= this.Items.Count;

    public QuizItem? Current => this.Finished ? null : this.Items[this.Position];
}

/// <summary>
/// Quiz sessions in the application database, one per chat: a new quiz replaces the old one (and
/// gets a new id, so the old one's buttons go stale), a session untouched for a day is gone, and
/// an answer counts only for the question it was given to, once.
/// </summary>
public sealed class QuizSessionStore(ApplicationDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<QuizSession> StartAsync(string channel, string chat, string documentId, IReadOnlyList<QuizItem> items, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM quiz_sessions WHERE (channel = $c AND chat = $chat) OR at_unix_ms < $expired;
            INSERT INTO quiz_sessions (channel, chat, document_id, items_json, position, score, at_unix_ms) VALUES ($c, $chat, $d, $items, 0, 0, $t);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$chat", chat);
        command.Parameters.AddWithValue("$d", documentId);
        command.Parameters.AddWithValue("$items", JsonSerializer.Serialize(items));
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expired", this.ExpiredBefore());
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new QuizSession(id, documentId, items, 0, 0);
    }

    /// <summary>The chat's session, finished or not, unless it has expired.</summary>
    public async Task<QuizSession?> GetAsync(string channel, string chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, document_id, items_json, position, score FROM quiz_sessions WHERE channel = $c AND chat = $chat AND at_unix_ms >= $expired";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$chat", chat);
        command.Parameters.AddWithValue("$expired", this.ExpiredBefore());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var items = JsonSerializer.Deserialize<List<QuizItem>>(reader.GetString(2)) ?? [];
        return new QuizSession(reader.GetInt64(0), reader.GetString(1), items, reader.GetInt32(3), reader.GetInt32(4));
    }

    /// <summary>
    /// Records the answer to question <paramref name="index"/> of session <paramref name="sessionId"/>
    /// and moves on; false when that question is not the one waiting (a second press, an old button,
    /// a replaced or expired session). One UPDATE, so two presses at once cannot both count.
    /// </summary>
    public async Task<bool> RecordAsync(long sessionId, int index, bool correct, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE quiz_sessions SET position = position + 1, score = score + $s, at_unix_ms = $t
            WHERE id = $id AND position = $i AND at_unix_ms >= $expired
            """;
        command.Parameters.AddWithValue("$id", sessionId);
        command.Parameters.AddWithValue("$i", index);
        command.Parameters.AddWithValue("$s", correct ? 1 : 0);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expired", this.ExpiredBefore());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private long ExpiredBefore() => clock.GetUtcNow().Subtract(Lifetime).ToUnixTimeMilliseconds();
}
