using System.ComponentModel;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using PartyAssistant.Corpus;
using PartyAssistant.Questions;
using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>The passages found for a question, how rare words are in the corpus, and the documents it names that the corpus lacks.</summary>
public sealed record RetrievedPassages(IReadOnlyList<SearchHit> Hits, Func<string, double> Rarity, IReadOnlyList<DocumentReference> NotLoaded)
{
    /// <summary>How the corpus spells a syllable pair typed without marks (see <see cref="PassageSearcher.MarkedForms"/>).</summary>
    public Func<string, IReadOnlyList<string>> MarkedForms { get; init; } = _ => [];
}

/// <summary>Retrieval as a Semantic Kernel plugin: the Lucene search, callable as a kernel function.</summary>
public sealed class RetrievalPlugin(SearchIndexProvider index, IOptions<AnsweringOptions> options)
{
    public const string PluginName = "corpus";
    public const string SearchFunction = "search";

    [KernelFunction(SearchFunction)]
    [Description("Tìm trong các văn bản đã nạp những đoạn liên quan tới câu hỏi, kèm nhãn để trích dẫn.")]
    public async Task<RetrievedPassages> SearchAsync(
        [Description("Câu hỏi đã được phân tích (QuestionAnalysis.From(câu hỏi))")] QuestionAnalysis question,
        CancellationToken cancellationToken)
    {
        using var lease = await index.AcquireAsync(cancellationToken).ConfigureAwait(false);

        // More passages than an answer shows: the judge looks for the one that states what is asked among them.
        var hits = lease.Searcher.Search(question, Math.Max(Math.Max(1, options.Value.Passages), options.Value.CandidatePassages));
        var notLoaded = question.References.Where(r => !lease.Searcher.HasDocument(r)).ToList();

        // Rarity is asked for while the answer is written, after this lease is gone: the provider
        // answers from whichever index is current then.
        return new RetrievedPassages(hits, index.Rarity, notLoaded) { MarkedForms = index.MarkedForms };
    }
}
