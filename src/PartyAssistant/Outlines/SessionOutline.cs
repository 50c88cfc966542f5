using PartyAssistant.Facts;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Outlines;

/// <summary>
/// A session outline a trainer leads a Party cell meeting from: the document's parts with their
/// key points, the figures to remember, discussion questions, a time plan and a short quiz.
/// Every item carries the passage it comes from, so a trainer can check it against the document.
/// </summary>
public sealed record SessionOutline(
    OutlineDocumentInfo Document,
    int Minutes,
    IReadOnlyList<OutlinePart> Parts,
    IReadOnlyList<OutlineFigure> Figures,
    IReadOnlyList<DiscussionQuestion> Questions,
    IReadOnlyList<TimeSlot> TimePlan,
    IReadOnlyList<QuizItem> Quiz)
{
    /// <summary>Who the session is for: the discussion questions ask about what falls to them.</summary>
    public Audience Audience { get; init; } = Audiences.Default;

    public IEnumerable<KeyPoint> KeyPoints => this.Parts.SelectMany(p => p.Topics).SelectMany(t => t.KeyPoints);

    /// <summary>The minutes of a step of the plan that is not a part (introduction, discussion, quick check); 0 when absent.</summary>
    public int MinutesOf(string activity) => this.TimePlan.FirstOrDefault(s => s.Activity == activity)?.Minutes ?? 0;
}

/// <summary>
/// What the outline says about its document. <paramref name="Notices"/> are the lines a trainer
/// must not miss: an unofficial summary, a replaced document.
/// </summary>
public sealed record OutlineDocumentInfo(
    string Id,
    string Type,
    string? Number,
    DateOnly? Date,
    string? Issuer,
    string Title,
    string CitationName,
    string Standing,
    bool IsSummary,
    IReadOnlyList<string> Notices);

/// <summary>Where an item comes from: the passage's label as a reader looks it up, and its id for `show`.</summary>
public sealed record OutlineCitation(string Label, string PassageId)
{
    /// <summary>The label without the document's name ("Mục II.1, ý 1"): the outline names the document once, in its header.</summary>
    public string LocalLabel => QuizText.LocalLabel(this.Label);
}

/// <summary>A top part of the document (Roman part, Chương, or heading of a summary) with its topics and its minutes in the plan.</summary>
public sealed record OutlinePart(string Heading, IReadOnlyList<OutlineTopic> Topics, int Minutes = 0)
{
    public IEnumerable<KeyPoint> KeyPoints => this.Topics.SelectMany(t => t.KeyPoints);
}

/// <summary>An item or article inside a part; <paramref name="Heading"/> is null for the part's own paragraphs.</summary>
public sealed record OutlineTopic(string? Heading, IReadOnlyList<KeyPoint> KeyPoints);

/// <summary>A sentence of the document, word for word, with its citation: what the trainer reads out.</summary>
public sealed record KeyPoint(string Quote, OutlineCitation Source);

/// <summary>A sentence with figures, deadlines or frequencies, and those facts as written.</summary>
public sealed record OutlineFigure(IReadOnlyList<Fact> Facts, string Sentence, OutlineCitation Source);

/// <summary>A question for the cell to discuss, pointing at the passage it comes from.</summary>
public sealed record DiscussionQuestion(string Question, OutlineCitation Source);

/// <summary>One step of the session and its minutes.</summary>
public sealed record TimeSlot(string Activity, int Minutes);
