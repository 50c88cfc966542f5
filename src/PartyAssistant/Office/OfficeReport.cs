using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Evaluation;
using PartyAssistant.Storage;
using PartyAssistant.Text;

namespace PartyAssistant.Office;

/// <summary>
/// The office's reports from the question log and the votes: questions over time by channel, the gap report
/// (what the documents did not answer, by focus), 👎 answers, the most cited passages, and a CSV export.
/// </summary>
public sealed class OfficeReport(ApplicationDatabase database, QuestionLog log, AnswerStore answers, TimeProvider clock, IOptions<WebOptions> options)
{
    public const int GapExamples = 3;

    public const string NoFocus = "(không rõ trọng tâm)";

    public async Task<OfficeReportView> BuildAsync(int limit, CancellationToken cancellationToken)
    {
        // Pruned first: the report never shows what the retention period says is gone.
        await log.PruneAsync(cancellationToken).ConfigureAwait(false);
        var questions = await this.QuestionsAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new OfficeReportView(
            clock.GetUtcNow(),
            options.Value.QuestionRetentionDays,
            questions.Count,
            Activity(questions),
            [.. Gaps(questions).Take(limit)],
            [.. (await answers.ThumbsDownAsync(limit, cancellationToken).ConfigureAwait(false)).Select(t => new ThumbsDownView(t.At, t.Channel, t.Question, t.Answer))],
            await MostCitedAsync(connection, limit, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Every logged question in the retention period, newest first.</summary>
    public async Task<IReadOnlyList<LoggedQuestion>> QuestionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT q.at_unix_ms, q.channel, q.user_hash, q.question, q.outcome, q.focus,
                   COALESCE((SELECT group_concat(passage_id, ' ') FROM question_citations c WHERE c.question_id = q.id), '')
            FROM question_log q ORDER BY q.at_unix_ms DESC, q.id DESC
            """;
        var rows = new List<LoggedQuestion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new LoggedQuestion(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>The logged questions as CSV (UTF-8, comma-separated, RFC 4180 quoting), for a spreadsheet.</summary>
    public async Task<string> CsvAsync(CancellationToken cancellationToken)
    {
        await log.PruneAsync(cancellationToken).ConfigureAwait(false);
        var csv = new StringBuilder("thoi_gian_utc,kenh,nguoi_hoi_bam,cau_hoi,ket_qua,trong_tam,doan_trich_dan\r\n");
        foreach (var q in await this.QuestionsAsync(cancellationToken).ConfigureAwait(false))
        {
            csv.AppendJoin(',', new[] { q.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), q.Channel, q.UserHash, q.Question, q.Outcome, q.Focus, q.CitedPassages }.Select(Field))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static IReadOnlyList<ActivityView> Activity(IEnumerable<LoggedQuestion> questions) =>
        [.. questions
            .GroupBy(q => (Day: q.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), q.Channel))
            .OrderByDescending(g => g.Key.Day).ThenBy(g => g.Key.Channel, StringComparer.Ordinal)
            .Select(g => new ActivityView(g.Key.Day, g.Key.Channel, g.Count()))];

    // Grouped by the focus as matched (with or without diacritics, any case), shown as last worded; newest group first.
    internal static IEnumerable<GapView> Gaps(IEnumerable<LoggedQuestion> newestFirst) =>
        newestFirst
            .Where(q => q.Outcome != AnswerEvaluator.OutcomeName(Outcome.Answer))
            .GroupBy(q => VietnameseText.MatchKey(q.Focus), StringComparer.Ordinal)
            .Select(g => new GapView(
                g.First().Focus.Length == 0 ? NoFocus : g.First().Focus,
                g.Count(),
                g.Count(q => q.Outcome == AnswerEvaluator.OutcomeName(Outcome.NotCovered)),
                g.Count(q => q.Outcome == AnswerEvaluator.OutcomeName(Outcome.Related)),
                g.First().At,
                [.. g.Select(q => q.Question).Distinct(StringComparer.Ordinal).Take(GapExamples)]))
            .OrderByDescending(g => g.LastAsked);

    private static async Task<IReadOnlyList<CitedPassageView>> MostCitedAsync(SqliteConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT passage_id, MAX(label), COUNT(*) AS n FROM question_citations GROUP BY passage_id ORDER BY n DESC, passage_id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<CitedPassageView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new CitedPassageView(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }

    // Quoted always; a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
    private static string Field(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
