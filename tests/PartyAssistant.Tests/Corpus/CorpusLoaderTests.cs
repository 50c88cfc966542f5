using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Corpus;

namespace PartyAssistant.Tests.Corpus;

public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempDirectory corpus = new();
    private readonly CorpusLoader loader = new(NullLogger<CorpusLoader>.Instance);

    [Fact]
    public async Task A_file_written_since_the_last_load_is_read_again_and_the_others_are_not()
    {
        this.Write("qd-1", "Chi bộ họp mỗi tháng một lần.");
        this.Write("qd-2", "Đảng viên sinh hoạt nơi cư trú.");
        var first = await this.loader.LoadAsync(this.corpus.Path, CancellationToken.None);

        this.Write("qd-2", "Đảng viên đang công tác giữ mối liên hệ với chi uỷ nơi cư trú.");
        File.SetLastWriteTimeUtc(Path.Combine(this.corpus.Path, "qd-2.md"), DateTime.UtcNow.AddSeconds(5));
        var second = await this.loader.LoadAsync(this.corpus.Path, CancellationToken.None);

        Assert.Same(first.FindDocument("qd-1"), second.FindDocument("qd-1"));
        Assert.Contains("giữ mối liên hệ", second.FindDocument("qd-2")!.Passages[0].Text, StringComparison.Ordinal);
        Assert.NotEqual(first.FindDocument("qd-2")!.ContentHash, second.FindDocument("qd-2")!.ContentHash);
    }

    [Fact]
    public async Task A_removed_file_is_gone_and_a_file_whose_id_is_not_its_name_is_refused()
    {
        this.Write("qd-1", "Chi bộ họp mỗi tháng một lần.");
        this.Write("qd-2", "Đảng viên sinh hoạt nơi cư trú.");
        await this.loader.LoadAsync(this.corpus.Path, CancellationToken.None);

        File.Delete(Path.Combine(this.corpus.Path, "qd-2.md"));
        File.WriteAllText(Path.Combine(this.corpus.Path, "qd-3.md"), File.ReadAllText(Path.Combine(this.corpus.Path, "qd-1.md")));
        var loaded = await this.loader.LoadAsync(this.corpus.Path, CancellationToken.None);

        Assert.Null(loaded.FindDocument("qd-2"));
        Assert.Single(loaded.Documents);
        Assert.Single(loaded.Errors);
        Assert.Contains("qd-3.md", loaded.Errors[0].File, StringComparison.Ordinal);
    }

    private void Write(string id, string body) => File.WriteAllText(Path.Combine(this.corpus.Path, id + ".md"),
        $"---\nid: {id}\ntype: Quy định\nnumber: 1-QĐ/ĐU\ntitle: Quy định thử {id}\nkind: official-text\n---\n\n## Điều 1.\n\n{body}\n");

    public void Dispose() => this.corpus.Dispose();
}
