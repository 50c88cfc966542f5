namespace PartyAssistant.Answering;

/// <summary>How answers are made (section "Answering").</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Passages given to the answerer (and listed with the answer).</summary>
    public int Passages { get; set; } = 5;

    /// <summary>Passages the search returns for judging whether the documents state what is asked.</summary>
    public int CandidatePassages { get; set; } = 20;

    /// <summary>
    /// The least share of a question's focus (its rare words and word pairs, by weight) a sentence must
    /// state to answer it. Calibrated on the question sets (docs/BENCHMARKS.md).
    /// </summary>
    public double MinFocusCoverage { get; set; } = 0.66;

    /// <summary>A sentence read with its section heading keeps this share of the coverage they give together.</summary>
    public double HeadingShare { get; set; } = 0.9;

    /// <summary>A sentence read with its whole passage keeps this share of the coverage the passage gives.</summary>
    public double PassageShare { get; set; } = 0.85;

    /// <summary>Only a sentence stating at least this share of <see cref="MinFocusCoverage"/> on its own may lean on its passage.</summary>
    public double MinSentenceShare { get; set; } = 0.6;

    /// <summary>Below <see cref="MinFocusCoverage"/> but at least this: the closest sentences are shown as related, not as an answer.</summary>
    public double RelatedFocusCoverage { get; set; } = 0.35;

    /// <summary>Seconds to wait for a configured model before answering offline instead.</summary>
    public double ModelTimeoutSeconds { get; set; } = 30;

    /// <summary>Longest answer in characters, sources included: past it the answer is cut at a sentence and says so.</summary>
    public int MaxAnswerChars { get; set; } = 4000;

    /// <summary>Sentences the offline answerer quotes at most.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>Related sentences shown when the documents do not state what is asked.</summary>
    public int RelatedSentences { get; set; } = 2;

    /// <summary>Offline answerer: score factor for a sentence holding the kind of fact asked for (a date, a number).</summary>
    public double ShapeFactor { get; set; } = 1.5;

    /// <summary>Offline answerer: score factor for each asked part (who, how often, which form) a sentence gives.</summary>
    public double AskedPartFactor { get; set; } = 1.5;

    /// <summary>Offline answerer: score factor for a sentence that names the document the question names.</summary>
    public double NamedDocumentFactor { get; set; } = 2.0;

    /// <summary>Offline answerer: score factor for a sentence that names another document than the question does.</summary>
    public double OtherDocumentFactor { get; set; } = 0.7;

    /// <summary>Offline answerer: score factor for a sentence that denies or excepts what the question does not.</summary>
    public double NegatingFactor { get; set; } = 0.6;

    /// <summary>Offline answerer: score factor for a sentence reporting results or shortcomings when the question does not ask about them.</summary>
    public double ReportingFactor { get; set; } = 0.5;

    /// <summary>Offline answerer: score factor for a lead-in ("… còn một số hạn chế:") that states what is asked: it is quoted with what it introduces.</summary>
    public double LeadInFactor { get; set; } = 1.5;

    /// <summary>Offline answerer: a sentence stating this much less of the question's focus than the best one does not lead the answer.</summary>
    public double CoverageMargin { get; set; } = 0.15;

    /// <summary>Offline answerer: sentences scoring at least this share of the best are quoted too.</summary>
    public double KeepShare { get; set; } = 0.6;

    /// <summary>Offline answerer: directives scoring at least this share of the best may be listed as steps.</summary>
    public double StepShare { get; set; } = 0.25;
}
