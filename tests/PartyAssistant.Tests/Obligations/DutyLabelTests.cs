using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Corpus;
using PartyAssistant.Obligations;
using PartyAssistant.Tests.Cli;
using PartyAssistant.Text;
using Xunit.Abstractions;

namespace PartyAssistant.Tests.Obligations;

/// <summary>
/// Precision and recall of `nghia-vu` against the duty sentences labelled per role
/// (Obligations/Labelled/duty-labels.tsv) over the shipped corpus and two invented regulations
/// brought in with `ingest`. The figures are printed for docs/BENCHMARKS.md.
/// </summary>
public sealed class DutyLabelTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string Labelled = Path.Combine(TestPaths.RepoRoot, "tests", "PartyAssistant.Tests", "Obligations", "Labelled");

    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task Nghia_vu_finds_the_labelled_duties_with_precision_095_and_recall_090()
    {
        var corpus = this.temp.CopyCorpus();
        var data = Path.Combine(this.temp.Path, "data");
        foreach (var (file, id) in new[] { ("qd-901-thu-nghiem.txt", "qd-901-tn"), ("hd-902-thu-nghiem.txt", "hd-902-tn") })
        {
            var ingested = await CliRunner.RunAsync(corpus, data, "ingest", Path.Combine(Labelled, file), "--id", id, "--yes");
            Assert.True(ingested.ExitCode == 0, ingested.Diagnostics);
        }

        var loaded = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(corpus, CancellationToken.None);
        var found = ObligationFinder.FindAll(loaded)
            .SelectMany(r => r.Items.Select(i => (Passage: i.PassageId, Role: r.Role.Id, Key: VietnameseText.MatchKey(i.Quote))))
            .ToList();
        var labels = File.ReadAllLines(Path.Combine(Labelled, "duty-labels.tsv"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => (Passage: c[0], Role: c[1], Start: VietnameseText.MatchKey(c[2])))
            .ToList();
        Assert.True(labels.Count >= 40);
        Assert.All(labels, l => Assert.Contains(loaded.Passages, p => p.Id == l.Passage));

        bool Same((string Passage, string Role, string Key) item, (string Passage, string Role, string Start) label) =>
            item.Passage == label.Passage && item.Role == label.Role && item.Key.StartsWith(label.Start, StringComparison.Ordinal);

        var truePositives = found.Count(f => labels.Any(l => Same(f, l)));
        var recalled = labels.Count(l => found.Any(f => Same(f, l)));
        var precision = (double)truePositives / found.Count;
        var recall = (double)recalled / labels.Count;
        log.WriteLine($"duty labels: {labels.Count}; nghia-vu items: {found.Count}; precision {precision:0.000}; recall {recall:0.000}");
        foreach (var role in labels.Select(l => l.Role).Concat(found.Select(f => f.Role)).Distinct().Order(StringComparer.Ordinal))
        {
            var mine = found.Where(f => f.Role == role).ToList();
            var gold = labels.Where(l => l.Role == role).ToList();
            log.WriteLine($"  {role}: labelled {gold.Count}, found {mine.Count}, right {mine.Count(f => gold.Any(l => Same(f, l)))}");
        }

        foreach (var wrong in found.Where(f => !labels.Any(l => Same(f, l))))
        {
            log.WriteLine($"  not labelled: {wrong.Passage} {wrong.Role} {wrong.Key[..Math.Min(60, wrong.Key.Length)]}");
        }

        foreach (var missed in labels.Where(l => !found.Any(f => Same(f, l))))
        {
            log.WriteLine($"  missed: {missed.Passage} {missed.Role} {missed.Start}");
        }

        // A qualified subject stays with its duty: the line is not "Sinh hoạt tại chi bộ ấp có trách nhiệm …".
        var members = ObligationFinder.FindAll(loaded).Single(r => r.Role.Id == "dang-vien").Items;
        Assert.Contains(members, i => i.Text == "Đảng viên sinh hoạt tại chi bộ ấp có trách nhiệm thực hiện nghiêm Quy định này.");
        Assert.Contains(members, i => i.Text == "Đảng viên vắng mặt phải báo cáo lý do với bí thư chi bộ trước buổi sinh hoạt.");

        // A duty stated as a plain act in an article, with its deadline; what the bí thư did, or is given, is none of the bí thư's duties.
        var secretary = ObligationFinder.FindAll(loaded).Single(r => r.Role.Id == "bi-thu-chi-bo").Items;
        var prepares = Assert.Single(secretary, i => i.PassageId == "qd-901-tn/dieu-1.1");
        Assert.StartsWith("Chuẩn bị nội dung sinh hoạt và gửi dự thảo", prepares.Text, StringComparison.Ordinal);
        Assert.Equal("chậm nhất 03 ngày trước kỳ sinh hoạt", prepares.When);
        Assert.DoesNotContain(secretary, i => i.Quote.Contains("đã kiện toàn", StringComparison.Ordinal) || i.Quote.Contains("cho bí thư chi bộ", StringComparison.Ordinal) || i.Quote.Contains("được bồi dưỡng", StringComparison.Ordinal));
        var residence = ObligationFinder.FindAll(loaded).Single(r => r.Role.Id == "chi-uy").Items.Single(i => i.PassageId == "hd-902-tn/dieu-1.1");
        Assert.Equal("trong vòng 10 ngày kể từ khi nhận phiếu", residence.When);

        Assert.True(precision >= 0.95, $"precision {precision:0.000}");
        Assert.True(recall >= 0.90, $"recall {recall:0.000}");
    }
}
