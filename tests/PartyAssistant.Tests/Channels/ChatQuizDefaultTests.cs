using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Channels;
using PartyAssistant.Corpus;

namespace PartyAssistant.Tests.Channels;

/// <summary>Which document "/quiz" without an id quizzes on: the corpus decides, not a built-in id.</summary>
public sealed class ChatQuizDefaultTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private static Task<CorpusLoadResult> Load(string directory) =>
        new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(directory, CancellationToken.None);

    [Fact]
    public async Task The_shipped_corpus_quizzes_on_its_official_text_the_seed()
    {
        Assert.Equal("kl-tu-nq03", ChatQuiz.DefaultFor(await Load(TestPaths.Corpus)));
    }

    [Fact]
    public async Task Without_the_seed_the_first_official_text_in_force_is_taken_else_the_first_text_in_force()
    {
        var corpus = this.temp.CopyCorpus();
        var seed = Path.Combine(corpus, "kl-tu-nq03.md");
        var text = await File.ReadAllTextAsync(seed);
        File.Delete(seed);

        // Only summaries left: the first in force.
        var summaries = await Load(corpus);
        Assert.All(summaries.Documents, d => Assert.True(d.Metadata.IsSummary, d.Id));
        Assert.Equal("ct-05", ChatQuiz.DefaultFor(summaries));

        // Another deployment's official text, under another id: it is the default, ahead of the summaries before it.
        await File.WriteAllTextAsync(Path.Combine(corpus, "zz-kl-khac.md"), text.Replace("id: kl-tu-nq03", "id: zz-kl-khac", StringComparison.Ordinal));
        Assert.Equal("zz-kl-khac", ChatQuiz.DefaultFor(await Load(corpus)));
    }
}
