using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PartyAssistant.Storage;

namespace PartyAssistant.Conversations;

/// <summary>Conversations in the application's SQLite database, expired and bounded as configured.</summary>
public sealed class SqliteConversationStore(ApplicationDatabase database, IOptions<ConversationOptions> options, TimeProvider clock) : IConversationStore
{
    public async Task<IReadOnlyList<ConversationTurn>> RecentAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddMinutes(-options.Value.ExpiryMinutes).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT question, standalone_question, answer, at_unix_ms FROM conversation_turns
            WHERE conversation = $c AND at_unix_ms >= $since
            ORDER BY at_unix_ms DESC, rowid DESC LIMIT $n
            """;
        command.Parameters.AddWithValue("$c", key.ToString());
        command.Parameters.AddWithValue("$since", since);
        command.Parameters.AddWithValue("$n", options.Value.MaxTurns);
        var turns = new List<ConversationTurn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            turns.Add(new ConversationTurn(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        turns.Reverse();
        return turns;
    }

    public async Task AppendAsync(ConversationKey key, ConversationTurn turn, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO conversation_turns (conversation, at_unix_ms, question, standalone_question, answer) VALUES ($c, $at, $q, $s, $a)";
            insert.Parameters.AddWithValue("$c", key.ToString());
            insert.Parameters.AddWithValue("$at", turn.At.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$q", turn.Question);
            insert.Parameters.AddWithValue("$s", turn.StandaloneQuestion);
            insert.Parameters.AddWithValue("$a", turn.Answer);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Keep the bound for this conversation, and drop every conversation's expired turns.
        await using (var trim = connection.CreateCommand())
        {
            trim.Transaction = transaction;
            trim.CommandText = """
                DELETE FROM conversation_turns WHERE at_unix_ms < $since OR (conversation = $c AND rowid NOT IN (
                    SELECT rowid FROM conversation_turns WHERE conversation = $c ORDER BY at_unix_ms DESC, rowid DESC LIMIT $n))
                """;
            trim.Parameters.AddWithValue("$c", key.ToString());
            trim.Parameters.AddWithValue("$since", turn.At.AddMinutes(-options.Value.ExpiryMinutes).ToUnixTimeMilliseconds());
            trim.Parameters.AddWithValue("$n", options.Value.MaxTurns);
            await trim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ForgetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM conversation_turns WHERE conversation = $c";
        command.Parameters.AddWithValue("$c", key.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
