using PartyAssistant.Corpus;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Search;

public sealed class IndexStoreTests
{
    [Fact]
    public async Task The_index_is_built_on_first_use_and_reused_while_the_corpus_is_unchanged()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyCorpus();
        var index = TestIndex.For(corpus, Path.Combine(temp.Path, "data"));

        using (var first = await index.OpenAsync(null, CancellationToken.None))
        {
            Assert.True(first.Rebuilt);
            Assert.Equal(8, first.Manifest.Documents);
            Assert.Equal(first.Manifest.Passages, first.Searcher.PassageCount);
        }

        using (var second = await index.OpenAsync(null, CancellationToken.None))
        {
            Assert.False(second.Rebuilt);
        }

        await File.AppendAllTextAsync(Path.Combine(corpus, "kl-01.md"), "\n- Đoạn mới về sinh hoạt chuyên đề thí điểm ở khu phố Zeta.\n");
        using var third = await index.OpenAsync(null, CancellationToken.None);
        Assert.True(third.Rebuilt);
        Assert.Contains(third.Searcher.Search("khu phố Zeta", 1), h => h.Text.Contains("Zeta", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_added_or_removed_document_rewrites_only_that_document()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyCorpus();
        var index = TestIndex.For(corpus, Path.Combine(temp.Path, "data"));
        (await index.OpenAsync(null, CancellationToken.None)).Dispose();
        Assert.Equal(8, index.Store.Current()!.Value.Manifest.Reindexed);

        // One document edited: only it is written again; the others are still found.
        await File.AppendAllTextAsync(Path.Combine(corpus, "kl-01.md"), "\n- Đoạn mới về sinh hoạt chuyên đề thí điểm ở khu phố Zeta.\n");
        using (var edited = await index.OpenAsync(null, CancellationToken.None))
        {
            Assert.True(edited.Rebuilt);
            Assert.Equal(1, edited.Manifest.Reindexed);
            Assert.Equal(edited.Manifest.Passages, edited.Searcher.PassageCount);
            Assert.Contains(edited.Searcher.Search("khu phố Zeta", 1), h => h.Text.Contains("Zeta", StringComparison.Ordinal));
            Assert.Contains(edited.Searcher.Search("tiếp dân định kỳ", 3), h => h.DocumentId == "kl-tu-nq03"); // untouched, still there
        }

        // One added, one removed: the removed one's passages are gone, not merely outranked.
        await File.WriteAllTextAsync(Path.Combine(corpus, "kh-9.md"), "---\nid: kh-9\ntype: Kế hoạch\nnumber: 9-KH/TU\ntitle: Kế hoạch hội thao\nkind: official-text\n---\n\n## Điều 1. Nội dung\n\nChi bộ tổ chức hội thao bóng chuyền Omega vào quý 3.\n");
        File.Delete(Path.Combine(corpus, "ct-05.md"));
        using (var changed = await index.OpenAsync(null, CancellationToken.None))
        {
            Assert.Equal(1, changed.Manifest.Reindexed);
            Assert.Equal(8, changed.Manifest.Documents);
            Assert.Equal(changed.Manifest.Passages, changed.Searcher.PassageCount);
            Assert.Contains(changed.Searcher.Search("hội thao bóng chuyền Omega", 1), h => h.DocumentId == "kh-9");
            Assert.DoesNotContain(changed.Searcher.Search("Chỉ thị 05-CT/TW học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh", 20), h => h.DocumentId == "ct-05");
        }

        // A full rebuild on demand writes everything.
        var rebuilt = await index.RebuildAsync(null, CancellationToken.None, full: true);
        Assert.Equal(8, rebuilt.Reindexed);
    }

    [Fact]
    public async Task A_file_the_index_holds_unchanged_is_parsed_past_its_front_matter_only_when_its_passages_are_needed()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyCorpus();
        var data = Path.Combine(temp.Path, "data");
        (await TestIndex.For(corpus, data).OpenAsync(null, CancellationToken.None)).Dispose();

        // One file edited, one broken: a new process (a fresh loader) parses those two whole, and only reads the others' front matter.
        await File.AppendAllTextAsync(Path.Combine(corpus, "kl-01.md"), "\n- Đoạn mới về sinh hoạt chuyên đề thí điểm ở khu phố Zeta.\n");
        var broken = Path.Combine(corpus, "ct-05.md");
        var brokenText = await File.ReadAllTextAsync(broken);
        await File.WriteAllTextAsync(broken, brokenText[..(brokenText.IndexOf("\n---", 4, StringComparison.Ordinal) + 5)].Replace("kind: summary", "kind: official-text", StringComparison.Ordinal));
        var index = TestIndex.For(corpus, data);
        var loaded = await index.LoadCorpusAsync(CancellationToken.None);
        Assert.Equal(["kl-01"], loaded.Documents.Where(d => d.BodyParsed).Select(d => d.Id));
        Assert.Contains(loaded.Errors, e => e.File == broken);

        // The update writes the edited document only, and counts every document's passages right.
        using (var opened = await index.OpenAsync(null, CancellationToken.None))
        {
            Assert.Equal(1, opened.Manifest.Reindexed);
            Assert.Equal(opened.Manifest.Passages, opened.Searcher.PassageCount);
            Assert.Equal(["kl-01"], (await index.LoadCorpusAsync(CancellationToken.None)).Documents.Where(d => d.BodyParsed).Select(d => d.Id));
        }

        // Asked for, a deferred body is what parsing the file whole gives.
        foreach (var document in loaded.Documents.Where(d => !d.BodyParsed))
        {
            var whole = CorpusFileParser.Parse(document.SourcePath, await File.ReadAllTextAsync(document.SourcePath));
            Assert.Equal(whole.Passages, document.Passages);
            Assert.Equal(whole.Sections, document.Sections);
        }
    }

    [Fact]
    public async Task A_broken_corpus_file_is_named_and_the_others_are_still_indexed()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyCorpus();
        await File.WriteAllTextAsync(Path.Combine(corpus, "hong.md"), "---\nid: hong\ntype: Quy định\ntitle: \"unclosed\nkind: official-text\n---\nNội dung\n");
        var index = TestIndex.For(corpus, Path.Combine(temp.Path, "data"));

        using var opened = await index.OpenAsync(null, CancellationToken.None);
        Assert.Equal(8, opened.Manifest.Documents);
        var error = Assert.Single(opened.Manifest.Errors);
        Assert.Contains("hong.md, dòng", error, StringComparison.Ordinal);
        Assert.NotEmpty(opened.Searcher.Search("tiếp dân định kỳ", 1));
    }

    [Fact]
    public async Task A_crash_mid_build_leaves_the_previous_index_usable()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var index = TestIndex.For(TestPaths.Corpus, data);
        (await index.OpenAsync(null, CancellationToken.None)).Dispose();
        var store = index.Store;
        var before = store.Current()!.Value.Path;

        var corpus = await index.LoadCorpusAsync(CancellationToken.None);
        var crashing = new CorpusLoadResult(new CrashingList(corpus.Documents, failAfter: 3), []);
        await Assert.ThrowsAsync<IOException>(() => store.BuildAsync(crashing, "different", null, CancellationToken.None));

        Assert.Equal(before, store.Current()!.Value.Path);
        using var reopened = await index.OpenAsync(null, CancellationToken.None);
        Assert.False(reopened.Rebuilt);
        Assert.NotEmpty(reopened.Searcher.Search("tiếp dân định kỳ", 1));

        // The next build clears the half-built folder away.
        await index.RebuildAsync(null, CancellationToken.None);
        Assert.Empty(Directory.GetDirectories(store.Root, "*.building"));
        Assert.Single(Directory.GetDirectories(store.Root, "gen-*"));
    }

    [Fact]
    public async Task Two_builds_at_once_take_turns_and_leave_one_good_index()
    {
        using var temp = new TempDirectory();
        var index = TestIndex.For(TestPaths.Corpus, Path.Combine(temp.Path, "data"));
        await Task.WhenAll(index.RebuildAsync(null, CancellationToken.None), index.RebuildAsync(null, CancellationToken.None));

        Assert.Single(Directory.GetDirectories(index.Store.Root, "gen-*"));
        using var opened = await index.OpenAsync(null, CancellationToken.None);
        Assert.False(opened.Rebuilt);
        Assert.NotEmpty(opened.Searcher.Search("tiếp dân định kỳ", 1));
    }

    /// <summary>Documents that fail part way through, as a full disk or a killed process would.</summary>
    private sealed class CrashingList(IReadOnlyList<CorpusDocument> inner, int failAfter) : IReadOnlyList<CorpusDocument>
    {
        public int Count => inner.Count;

        public CorpusDocument this[int index] => inner[index];

        public IEnumerator<CorpusDocument> GetEnumerator()
        {
            for (var i = 0; i < inner.Count; i++)
            {
                if (i == failAfter)
                {
                    throw new IOException("Hết dung lượng đĩa (giả lập).");
                }

                yield return inner[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => this.GetEnumerator();
    }

    /// <summary>An update's new generation shares the old one's segment files by hard links: one file under two names, not a copy.</summary>
    [Fact]
    public void A_hard_link_is_the_same_file_under_a_second_name()
    {
        using var temp = new TempDirectory();
        var existing = Path.Combine(temp.Path, "_0.cfs");
        File.WriteAllText(existing, "một");
        var link = Path.Combine(temp.Path, "second", "_0.cfs");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);

        Assert.True(HardLink.TryCreate(existing, link));
        File.AppendAllText(existing, " hai");
        Assert.Equal("một hai", File.ReadAllText(link));
        File.Delete(existing);
        Assert.Equal("một hai", File.ReadAllText(link));
        Assert.False(HardLink.TryCreate(Path.Combine(temp.Path, "missing"), Path.Combine(temp.Path, "x")));
    }
}
