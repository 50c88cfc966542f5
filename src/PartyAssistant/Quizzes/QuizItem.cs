namespace PartyAssistant.Quizzes;

/// <summary>What a question asks the trainee to do.</summary>
public enum QuizItemType
{
    /// <summary>"Điền vào chỗ trống": the sentence with one fact blanked; no choices.</summary>
    FillBlank,

    /// <summary>"Đúng hay sai": the sentence as written, or with one fact changed.</summary>
    TrueFalse,

    /// <summary>The blanked sentence with four choices, A–D: the answer and three facts of the same kind from the corpus.</summary>
    MultipleChoice,
}

public static class QuizItemTypes
{
    public static IReadOnlySet<QuizItemType> All { get; } = new HashSet<QuizItemType> { QuizItemType.FillBlank, QuizItemType.TrueFalse, QuizItemType.MultipleChoice };

    /// <summary>What buttons (or a one-letter reply) can answer: the bots' quizzes.</summary>
    public static IReadOnlySet<QuizItemType> WithChoices { get; } = new HashSet<QuizItemType> { QuizItemType.TrueFalse, QuizItemType.MultipleChoice };

    /// <summary>The name used in JSON: fill_blank, true_false, multiple_choice.</summary>
    public static string JsonName(this QuizItemType type) => type switch
    {
        QuizItemType.FillBlank => "fill_blank",
        QuizItemType.TrueFalse => "true_false",
        _ => "multiple_choice",
    };
}

/// <summary>
/// One question with its answer and citation. <paramref name="Statement"/> is the sentence shown:
/// blanked (<see cref="QuizItem.Blank"/> in place of <paramref name="Fact"/>) for fill-in and
/// multiple choice, whole (as written, or with a changed fact) for true/false.
/// <paramref name="Quote"/> is the sentence exactly as the passage writes it; <paramref name="Fact"/>
/// is the words of the quote the question tests.
/// </summary>
public sealed record QuizItem(
    QuizItemType Type,
    string Question,
    string Statement,
    IReadOnlyList<string> Choices,
    string Answer,
    string Fact,
    string? Explanation,
    string PassageId,
    string Label,
    string Quote)
{
    public const string Blank = "____";

    /// <summary>A target the quoted sentence sets before a year that has ended ("đến năm 2025"): asked as the text states it, shown as passed.</summary>
    public string? PassedTarget { get; init; }

    /// <summary>Every type of question the sentence allowed, this one's among them: a mix heavy in one type is so only where the text allows nothing else.</summary>
    /// <remarks>Known when the quiz is made; a stored quiz session does not keep it.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlySet<QuizItemType> Allowed { get; init; } = new HashSet<QuizItemType>();

    public const string True = "Đúng";

    public const string False = "Sai";

    /// <summary>The position of the answer among the choices; -1 for fill-in.</summary>
    public int AnswerIndex => this.Choices.ToList().IndexOf(this.Answer);

    /// <summary>"A"–"D" for the answer's choice; empty for fill-in.</summary>
    public string AnswerLetter => this.AnswerIndex < 0 ? string.Empty : Letter(this.AnswerIndex);

    public static string Letter(int index) => ((char)('A' + index)).ToString();
}

/// <summary>What to make a quiz from.</summary>
/// <param name="DocumentId">The document; its standing is not checked, because naming it is explicit.</param>
/// <param name="Section">A section path prefix ("II", "II.3", "dieu-2"), or null for the whole document.</param>
/// <param name="Count">How many questions, 1..100.</param>
/// <param name="Types">Which kinds of question; null for all three.</param>
public sealed record QuizRequest(string DocumentId, string? Section = null, int Count = QuizRequest.DefaultCount, IReadOnlySet<QuizItemType>? Types = null)
{
    public const int DefaultCount = 10;

    public const int MaxCount = 100;
}

/// <summary>
/// A quiz on one document. <paramref name="Notices"/> say what a trainer must know about the source
/// (an unofficial summary, a replaced text), in Vietnamese.
/// </summary>
public sealed record Quiz(
    string DocumentId,
    string DocumentName,
    string DocumentTitle,
    string? Section,
    bool FromSummary,
    IReadOnlyList<string> Notices,
    int Requested,
    IReadOnlyList<QuizItem> Items)
{
    /// <summary>Fewer good questions than asked: the text has no more sentences that make one.</summary>
    public bool IsShort => this.Items.Count < this.Requested;
}

/// <summary>A request that cannot be met (unknown document or section, a count out of range); the message is for the user.</summary>
public sealed class QuizRequestException(string message) : Exception(message);
