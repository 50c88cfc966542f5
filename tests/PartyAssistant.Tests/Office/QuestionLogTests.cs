using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Conversations;
using PartyAssistant.Office;
using PartyAssistant.Storage;
using PartyAssistant.Tests.Answering;

namespace PartyAssistant.Tests.Office;

/// <summary>The office's question log: retention, the user's salted hash, and the gap report's grouping.</summary>
public sealed class QuestionLogTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ApplicationDatabase database;

    public QuestionLogTests() => this.database = new ApplicationDatabase(Options.Create(new StorageOptions { DataDirectory = this.data.Path }));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        this.data.Dispose();
    }

    private (QuestionLog Log, OfficeReport Report) Create(int retentionDays = 180)
    {
        var options = Options.Create(new WebOptions { QuestionRetentionDays = retentionDays });
        var log = new QuestionLog(this.database, new UserHasher(new PartyAssistant.Channels.Storage.ChannelStateStore(this.database)), this.clock, options, NullLogger<QuestionLog>.Instance);
        return (log, new OfficeReport(this.database, log, new PartyAssistant.Channels.Storage.AnswerStore(this.database, this.clock), this.clock, options));
    }

    private static GroundedAnswer Answer(string question, Outcome outcome, string focus) =>
        new(question, question, outcome != Outcome.Answer, "…", outcome == Outcome.Answer ? [new Citation(1, "d/1", "Nhãn", "Trích", false)] : [], [], "offline", null, new Dictionary<string, double>())
        {
            Outcome = outcome,
            Focus = focus,
        };

    [Theory]
    [InlineData(180, 179, 1)]
    [InlineData(180, 181, 0)]
    [InlineData(30, 31, 0)]
    public async Task Questions_older_than_the_retention_period_are_pruned_with_their_citations(int retentionDays, int ageDays, int kept)
    {
        var (log, report) = this.Create(retentionDays);
        await log.RecordAsync(new ConversationKey("telegram", "1", "42"), Answer("cũ", Outcome.Answer, "cũ"), 1, CancellationToken.None);
        this.clock.Now = this.clock.Now.AddDays(ageDays);
        await log.RecordAsync(new ConversationKey("telegram", "1", "42"), Answer("mới", Outcome.Answer, "mới"), 2, CancellationToken.None);

        Assert.Equal(1 - kept, await log.PruneAsync(CancellationToken.None));

        var left = await report.QuestionsAsync(CancellationToken.None);
        Assert.Equal(kept + 1, left.Count);
        Assert.Equal("mới", left[0].Question);
        Assert.Equal(kept + 1, (await report.BuildAsync(10, CancellationToken.None)).MostCited.Single().Count);
    }

    [Fact]
    public async Task The_user_is_kept_as_a_salted_hash_the_same_for_one_person_and_different_across_channels()
    {
        var (log, report) = this.Create();
        await log.RecordAsync(new ConversationKey("telegram", "9", "42"), Answer("a", Outcome.Answer, "a"), null, CancellationToken.None);
        await log.RecordAsync(new ConversationKey("telegram", "10", "42"), Answer("b", Outcome.Answer, "b"), null, CancellationToken.None);
        await log.RecordAsync(new ConversationKey("zalo-bot", "9", "42"), Answer("c", Outcome.Answer, "c"), null, CancellationToken.None);

        var rows = (await report.QuestionsAsync(CancellationToken.None)).ToDictionary(q => q.Question, q => q.UserHash);
        Assert.Equal(rows["a"], rows["b"]);
        Assert.NotEqual(rows["a"], rows["c"]);
        Assert.Equal(32, rows["a"].Length);

        // The hash is keyed by a salt made for this database: a plain hash of the id would be guessable.
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("telegram\n42"u8))[..32], rows["a"]);
    }

    [Fact]
    public void The_gap_report_groups_by_focus_with_or_without_diacritics_newest_first()
    {
        var now = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        LoggedQuestion Q(int minutes, string question, string outcome, string focus) => new(now.AddMinutes(minutes), "web", "h", question, outcome, focus, string.Empty);
        var newestFirst = new[]
        {
            Q(5, "nuoi ca canh?", "related", "nuoi ca canh"),
            Q(4, "phí đảng?", "not_covered", "phí đảng"),
            Q(3, "đã trả lời", "answer", "x"),
            Q(2, "nuôi cá cảnh?", "not_covered", "nuôi cá cảnh"),
            Q(1, "nuôi cá cảnh?", "not_covered", "nuôi cá cảnh"),
        };

        var gaps = OfficeReport.Gaps(newestFirst).ToList();

        Assert.Equal(["nuoi ca canh", "phí đảng"], gaps.Select(g => g.Focus));
        Assert.Equal(3, gaps[0].Count);
        Assert.Equal((2, 1), (gaps[0].NotCovered, gaps[0].Related));
        Assert.Equal(["nuoi ca canh?", "nuôi cá cảnh?"], gaps[0].Examples);
    }
}
