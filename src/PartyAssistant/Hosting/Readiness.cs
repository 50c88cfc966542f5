using PartyAssistant.Search;
using PartyAssistant.Storage;

namespace PartyAssistant.Hosting;

/// <summary>
/// Whether the host can take work: the index opens and the database takes a write. A load balancer or
/// service manager asks this (`/health/ready`); `/health` only says the process answers.
/// </summary>
public sealed class Readiness(SearchIndexProvider index, ApplicationDatabase database)
{
    /// <summary>What the host repaired at start and the office should know (a damaged database moved aside), in Vietnamese.</summary>
    public IReadOnlyList<string> Notices => database.RecoveryNotice is { } notice ? [notice] : [];

    /// <returns>What is not ready, in Vietnamese; empty when ready.</returns>
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        try
        {
            await index.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"Chỉ mục chưa mở được: {e.Message}");
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();

            // BEGIN IMMEDIATE takes the write lock: a read-only or full disk fails here, not on the next accepted message.
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"Cơ sở dữ liệu không ghi được: {e.Message}");
        }

        return problems;
    }
}
