using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>A cited claim: answer marker [N] points at a supplied passage, and the quote is text of that passage.</summary>
public sealed record Citation(int N, string PassageId, string Label, string Quote, bool FromSummary);

/// <summary>A sentence shown as related to a question the documents do not answer: quoted with its label, never as an answer.</summary>
public sealed record RelatedSentence(string PassageId, string Label, string Quote, bool FromSummary);

/// <summary>What leaves the pipeline: an answer whose every citation was checked, or a plain abstention.</summary>
/// <param name="Coverage">How much of the question's focus the best sentence states (the abstention signal, 0–1).</param>
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
    double Coverage = 0)
{
    /// <summary>Answered, only related passages, or not covered; <see cref="Abstained"/> is true for the last two.</summary>
    public Outcome Outcome { get; init; } = Abstained ? Outcome.NotCovered : Outcome.Answer;

    /// <summary>For <see cref="Outcome.Related"/>: the closest sentences, shown as related and not cited as an answer.</summary>
    public IReadOnlyList<RelatedSentence> Related { get; init; } = [];

    /// <summary>What the question was understood to be about (its focus, as worded), for the office's report of gaps.</summary>
    public string Focus { get; init; } = string.Empty;

    /// <summary>Documents the question names that the corpus does not hold.</summary>
    public IReadOnlyList<string> NotLoaded { get; init; } = [];
}
