using System.Text.Json;
using PartyAssistant.Answering;
using PartyAssistant.Storage;

namespace PartyAssistant.Channels.Storage;

/// <summary>An answer kept for the buttons under it: the cited passages and the documents they come from.</summary>
public sealed record StoredAnswer(long Id, string Question, string Answer, IReadOnlyList<StoredPassage> Passages, IReadOnlyList<Citation> Citations);

public sealed record StoredPassage(string PassageId, string DocumentId, string Label, string Text);

/// <summary>The answers the bots sent, kept for the buttons under them, and users' votes on them.</summary>
public sealed class AnswerStore(ApplicationDatabase database, TimeProvider clock)
{
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

    /// <summary>Whether the answer was given in that chat of that channel (the web checks a vote's conversation with it).</summary>
    public async Task<bool> IsFromAsync(long id, string channel, string chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM answers WHERE id = $id AND channel = $c AND chat = $chat";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$chat", chat);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
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

    /// <summary>Answers older than 90 days that nobody voted on go (their buttons then say so).</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM answers WHERE at_unix_ms < $quarter AND id NOT IN (SELECT answer_id FROM feedback)";
        command.Parameters.AddWithValue("$quarter", clock.GetUtcNow().AddDays(-90).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest answers voted 👎, with the question and the answer's text, for the office's report.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, string Channel, string Question, string Answer)>> ThumbsDownAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.at_unix_ms, a.channel, a.question, a.answer_json FROM feedback f JOIN answers a ON a.id = f.answer_id
            WHERE f.vote < 0 ORDER BY f.at_unix_ms DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<(DateTimeOffset, string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = JsonSerializer.Deserialize<AnswerJson>(reader.GetString(3));
            rows.Add((DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), stored?.Answer ?? string.Empty));
        }

        return rows;
    }

    private sealed record AnswerJson(string Answer, List<StoredPassage> Passages, List<Citation> Citations);
}
