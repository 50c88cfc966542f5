using PartyAssistant.Corpus;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Corpus;

public sealed class SupersessionTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private string Write(string id, string frontMatter, string body)
    {
        var corpus = Path.Combine(this.temp.Path, "corpus");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, id + ".md"), $"---\nid: {id}\n{frontMatter}---\n\n{body}\n");
        return corpus;
    }

    private string BuildCorpus()
    {
        this.Write("qd-76", "type: Quy định\nnumber: 76-QĐ/TW\ndate: 2007-06-15\ntitle: Quy định cũ\nkind: official-text\n",
            "## Điều 1. Sinh hoạt\n\nĐảng viên báo cáo chi uỷ nơi cư trú mỗi năm hai lần về việc giữ mối liên hệ.");
        this.Write("qd-213-toan-van", "type: Quy định\nnumber: 213-QĐ/TW\ndate: 2020-01-02\ntitle: Quy định mới\nkind: official-text\nreplaces: [qd-76]\nsummary_of: qd-213\n",
            "## Điều 1. Liên hệ\n\nĐảng viên giữ mối liên hệ với chi uỷ nơi cư trú và báo cáo hằng năm.\n\n## Điều 2. Dẫn chiếu\n\nThực hiện cùng Kết luận số 38-KL/TW và Nghị quyết số 03-NQ/TU.");
        return this.Write("qd-213", "type: Quy định\nnumber: 213-QĐ/TW\ntitle: Tóm tắt\nkind: summary\nsources: [https://example.org/a]\n",
            "## Nội dung\n\n- Đảng viên giữ mối liên hệ với chi uỷ nơi cư trú, theo bản tóm tắt.");
    }

    [Fact]
    public async Task Standing_follows_replaces_and_summary_of()
    {
        var corpus = this.BuildCorpus();
        var loaded = await new CorpusLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger<CorpusLoader>.Instance)
            .LoadAsync(corpus, CancellationToken.None);
        var catalog = CorpusCatalog.Build(loaded.Documents);

        Assert.Equal(DocumentStanding.Replaced, catalog["qd-76"].Standing);
        Assert.Equal("đã được thay thế bởi Quy định 213-QĐ/TW (ngày 02/01/2020)", catalog["qd-76"].Warning);
        Assert.Equal(DocumentStanding.SummaryOfIngestedText, catalog["qd-213"].Standing);
        Assert.Equal("qd-213-toan-van", catalog["qd-213"].OfficialText!.Id);
        Assert.Equal(DocumentStanding.InForce, catalog["qd-213-toan-van"].Standing);
        Assert.Equal(["qd-76"], catalog["qd-213-toan-van"].Replaces.Select(d => d.Id));

        var missing = catalog.FindMissingReferences();
        Assert.Equal(["03-NQ/TU", "38-KL/TW"], missing.Select(m => m.Reference));
        Assert.All(missing, m => Assert.Equal(["qd-213-toan-van"], m.CitedBy));
    }

    [Fact]
    public async Task Answers_come_from_documents_in_force_unless_the_old_one_is_named()
    {
        var corpus = this.BuildCorpus();
        var index = TestIndex.For(corpus, Path.Combine(this.temp.Path, "data"));
        using var opened = await index.OpenAsync(null, CancellationToken.None);

        var plain = opened.Searcher.Search("đảng viên báo cáo chi uỷ nơi cư trú mấy lần", 10);
        Assert.NotEmpty(plain);
        Assert.All(plain, hit => Assert.Equal("qd-213-toan-van", hit.DocumentId));

        var named = opened.Searcher.Search("quy dinh 76 bao cao chi uy noi cu tru may lan", 10);
        var old = Assert.Single(named, hit => hit.DocumentId == "qd-76");
        Assert.Equal("đã được thay thế bởi Quy định 213-QĐ/TW (ngày 02/01/2020)", old.ReplacedWarning);

        // The summary stays listed but never answers, even when its number is asked for.
        var summary = opened.Searcher.Search("quy định 213 theo bản tóm tắt", 10);
        Assert.DoesNotContain(summary, hit => hit.DocumentId == "qd-213");
    }
}
