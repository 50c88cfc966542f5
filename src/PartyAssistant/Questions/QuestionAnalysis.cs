using PartyAssistant.Corpus;
using PartyAssistant.Facts;

namespace PartyAssistant.Questions;

/// <summary>
/// A question understood once and passed down the pipeline: what the search sees, which documents
/// it names, the frame (what kind of answer), the focus (what it is about), the role whose duties it
/// asks for, whether it continues the previous question. Made by <see cref="QuestionAnalyzer"/>.
/// </summary>
/// <param name="Original">The question as typed, NFC.</param>
/// <param name="SearchText">What the analyzer sees: the question with abbreviations expanded and without
/// "kết luận này"-style pointers, which name no document and would match every sentence saying "Kết luận này".</param>
/// <param name="PointedType">The document type such a pointer names ("Kết luận"), if any.</param>
public sealed record QuestionAnalysis(
    string Original,
    string SearchText,
    bool TypedWithoutDiacritics,
    IReadOnlyList<DocumentReference> References,
    string? PointedType,
    ExpectedAnswer Expected,
    string? DefinedTerm = null)
{
    public Frame Frames { get; init; }

    /// <summary>The parts of a procedural question that each need an answer: who, how often, which form.</summary>
    public Ask Asks { get; init; }

    public QuestionFocus Focus { get; init; } = QuestionFocus.None;

    /// <summary>For "bao nhiêu X", "mấy X": the thing counted, in folded syllables ("uy vien"); null otherwise.</summary>
    public string? CountedNoun { get; init; }

    /// <summary>The roles the question names, first named first.</summary>
    public IReadOnlyList<Role> Roles { get; init; } = [];

    /// <summary>For "X phải làm gì": the role whose duties are asked for.</summary>
    public Role? RoleAsked { get; init; }

    /// <summary>Whether the wording continues an earlier question ("còn … thì sao?", three words or fewer).</summary>
    public bool IsFollowUp { get; init; }

    /// <summary>The denials the question itself makes ("không được giới thiệu"), folded: a sentence may share them.</summary>
    public IReadOnlyList<string> Negations { get; init; } = [];

    /// <summary>The report words the question itself uses ("tình trạng … ra sao", "hạn chế"), folded: a sentence may share them.</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    /// <summary>Whether the question asks how things went or stand — results, shortcomings, a trend — so that a report answers it.</summary>
    public bool AsksForReport => this.Reports.Count > 0 || this.Frames.HasFlag(Frame.State);

    /// <summary>A question about how something is done — steps, manner, duties, who, how often, with which form.</summary>
    public bool IsProcedural => (this.Frames & (Frame.Procedure | Frame.Manner | Frame.Duties | Frame.Frequency | Frame.Duration | Frame.Form | Frame.Actor | Frame.Schedule)) != 0;

    /// <summary>"Thủ tục …", "các bước …": steps may only come from a passage that describes that procedure.</summary>
    public bool AsksForProcedure => this.Frames.HasFlag(Frame.Procedure);

    /// <summary>"Có được …không", "có phải … không": answered only by a sentence that states a rule.</summary>
    public bool AsksForRule => (this.Frames & (Frame.Permission | Frame.Obligation)) != 0;

    /// <summary>Whether the question asks who acts.</summary>
    public bool AsksWho => this.Frames.HasFlag(Frame.Actor);

    public static QuestionAnalysis From(string question) => QuestionAnalyzer.Analyze(question);
}
