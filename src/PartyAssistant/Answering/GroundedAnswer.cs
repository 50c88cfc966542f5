using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>A cited claim: answer marker [N] points at a supplied passage, and the quote is text of that passage.</summary>
public sealed record Citation(int N, string PassageId, string Label, string Quote, bool FromSummary);

/// <summary>What leaves the pipeline: an answer whose every citation was checked, or a plain abstention.</summary>
/// <param name="Coverage">How much of the question the best passages cover (the abstention signal, 0–1).</param>
public sealed record GroundedAnswer(
    string Question,
    string SearchedQuestion,
    bool Abstained,
    string Answer,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<SearchHit> Passages,
    string Backend,
    string? Notice,
    IReadOnlyDictionary<string, double> TimingsMs,
    double Coverage = 0);
