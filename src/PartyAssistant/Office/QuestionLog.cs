using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Conversations;
using PartyAssistant.Evaluation;
using PartyAssistant.Storage;

namespace PartyAssistant.Office;

/// <summary>
/// Every question the bots and the web answer, for the office: channel, time, a salted hash of the user, the
/// outcome, the focus and the cited passages. Kept <see cref="WebOptions.QuestionRetentionDays"/> days.
/// </summary>
public sealed partial class QuestionLog(ApplicationDatabase database, UserHasher hasher, TimeProvider clock, IOptions<WebOptions> options, ILogger<QuestionLog> logger)
{
    /// <summary>Logs the question. A database too busy to take it costs the log one row, never the user their answer.</summary>
    public async Task RecordAsync(ConversationKey key, GroundedAnswer answer, long? answerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            var user = await hasher.HashAsync(key.Channel, key.User, cancellationToken).ConfigureAwait(false);
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO question_log (channel, at_unix_ms, user_hash, question, outcome, focus, answer_id) VALUES ($c, $t, $u, $q, $o, $f, $a);
                SELECT last_insert_rowid();
                """;
            insert.Parameters.AddWithValue("$c", key.Channel);
            insert.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$u", user);
            insert.Parameters.AddWithValue("$q", answer.Question);
            insert.Parameters.AddWithValue("$o", AnswerEvaluator.OutcomeName(answer.Outcome));
            insert.Parameters.AddWithValue("$f", answer.Focus);
            insert.Parameters.AddWithValue("$a", answerId is { } id ? id : DBNull.Value);
            var questionId = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            foreach (var citation in answer.Citations.DistinctBy(c => c.PassageId))
            {
                await using var cite = connection.CreateCommand();
                cite.Transaction = transaction;
                cite.CommandText = "INSERT OR IGNORE INTO question_citations (question_id, passage_id, label) VALUES ($q, $p, $l)";
                cite.Parameters.AddWithValue("$q", questionId);
                cite.Parameters.AddWithValue("$p", citation.PassageId);
                cite.Parameters.AddWithValue("$l", citation.Label);
                await cite.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            LogNotRecorded(logger, key.Channel, e.Message);
        }
    }

    /// <summary>Deletes questions older than the retention period, with their citations; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.QuestionRetentionDays).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM question_citations WHERE question_id IN (SELECT id FROM question_log WHERE at_unix_ms < $cutoff);
            DELETE FROM question_log WHERE at_unix_ms < $cutoff;
            SELECT changes();
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không ghi được câu hỏi kênh {Channel} vào nhật ký câu hỏi: {Error}")]
    private static partial void LogNotRecorded(ILogger logger, string channel, string error);
}
