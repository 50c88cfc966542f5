using System.ComponentModel;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>The passages found for a question, and how well the best of them covers it.</summary>
public sealed record RetrievedPassages(AnalyzedQuestion Question, IReadOnlyList<SearchHit> Hits, double Coverage, Func<string, double> Rarity);

/// <summary>Retrieval as a Semantic Kernel plugin: the Lucene search, callable as a kernel function.</summary>
public sealed class RetrievalPlugin(SearchIndexProvider index, IOptions<AnsweringOptions> options)
{
    public const string PluginName = "corpus";
    public const string SearchFunction = "search";

    [KernelFunction(SearchFunction)]
    [Description("Tìm trong các văn bản đã nạp những đoạn liên quan tới câu hỏi, kèm nhãn để trích dẫn.")]
    public async Task<RetrievedPassages> SearchAsync(
        [Description("Câu hỏi, có dấu hoặc không dấu")] string question,
        CancellationToken cancellationToken)
    {
        using var lease = await index.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var analyzed = AnalyzedQuestion.From(question);
        var hits = lease.Searcher.Search(analyzed, Math.Max(1, options.Value.Passages));

        // The answer usually sits in one of the first few passages; judge the evidence by the best of them.
        // A question in parts (who, how often, which form) is answered from several passages, any of the supplied ones.
        var judged = ProceduralAsks.Of(question) == Ask.None ? 3 : hits.Count;
        var coverage = lease.Searcher.Coverage(analyzed, hits.Take(judged).Select(h => h.Text));

        // Rarity is asked for while the answer is written, after this lease is gone: the provider
        // answers from whichever index is current then.
        return new RetrievedPassages(analyzed, hits, coverage, index.Rarity);
    }
}
