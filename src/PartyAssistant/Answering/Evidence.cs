using PartyAssistant.Corpus;

namespace PartyAssistant.Answering;

/// <summary>What the documents do for a question: answer it, only touch on it, or not cover it.</summary>
public enum Outcome
{
    /// <summary>A passage states what is asked: the answer quotes it.</summary>
    Answer,

    /// <summary>Passages touch on the question without stating what is asked: shown as related, not as an answer.</summary>
    Related,

    /// <summary>Nothing loaded is about the question.</summary>
    NotCovered,
}

/// <summary>One sentence of a found passage, and what it does for the question.</summary>
/// <param name="Coverage">The share of the question's focus the sentence states (with its heading and lead-in).</param>
/// <param name="Allowed">It may answer: its document or the sentence itself is what a named document bounds the answer to, and it is body text.</param>
/// <param name="FitsShape">It holds the kind of fact the frame asks for: a date for "khi nào", a number for "bao nhiêu", a rule for "có được … không".</param>
/// <param name="Negating">It denies or excepts something the question does not ("… không nằm trong danh sách này").</param>
public sealed record SentenceEvidence(string PassageId, int Position, string Sentence, double Coverage, bool Allowed, bool FitsShape, bool Negating)
{
    /// <summary>Whether it states what is asked, in the asked form: it may be quoted as an answer.</summary>
    public bool States { get; init; }

    /// <summary>It states part of what is asked, in the asked form, in a passage where another sentence states it: it may be quoted beside that one.</summary>
    public bool Quotable { get; init; }

    /// <summary>It reports results, shortcomings or a trend ("… còn lúng túng") rather than directing what to do.</summary>
    public bool Reporting { get; init; }
}

/// <summary>The judgement on a question's passages: the outcome, and every sentence as evidence for the answer.</summary>
/// <param name="Coverage">The best focus coverage of a sentence that may answer.</param>
/// <param name="NotLoaded">Documents the question names that the corpus does not hold.</param>
public sealed record Evidence(Outcome Outcome, double Coverage, IReadOnlyList<SentenceEvidence> Sentences, IReadOnlyList<DocumentReference> NotLoaded)
{
    /// <summary>The sentences that state the answer.</summary>
    public IEnumerable<SentenceEvidence> Stating => this.Sentences.Where(s => s.States);

    /// <summary>The sentences that state the answer, and those of their passages that may be quoted beside them.</summary>
    public IEnumerable<SentenceEvidence> Quotable => this.Sentences.Where(s => s.States || s.Quotable);
}
