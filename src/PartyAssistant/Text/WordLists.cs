using System.Collections.Concurrent;

namespace PartyAssistant.Text;

/// <summary>
/// The word lists the assistant reads questions and texts with, shipped as data files in
/// <c>Text/Words</c> and embedded in the assembly: one entry a line, columns split by tabs, "#"
/// starts a comment. Kept as data so that a linguist can extend them without touching code.
/// </summary>
public static class WordLists
{
    public const string QuestionFrames = "question-frames.tsv";
    public const string FunctionWords = "function-words.txt";
    public const string DomainCommon = "domain-common.txt";
    public const string Abbreviations = "abbreviations.tsv";
    public const string Synonyms = "synonyms.txt";
    public const string NegationCues = "negation-cues.txt";
    public const string ReportWords = "report-words.txt";
    public const string DocumentTypes = "document-types.tsv";
    public const string FollowUpCues = "follow-up-cues.txt";
    public const string Weekdays = "weekdays.txt";
    public const string NumberLabels = "number-labels.txt";
    public const string ConditionCues = "condition-cues.txt";
    public const string EventTimes = "event-times.txt";
    public const string ReasonCues = "reason-cues.txt";
    public const string QuestionReadings = "question-readings.tsv";
    public const string RoleMemberships = "role-memberships.tsv";
    public const string HeaderWords = "header-words.txt";
    public const string OcrCorrections = "ocr-corrections.tsv";
    public const string TargetCues = "target-cues.txt";
    public const string ActionVerbs = "action-verbs.txt";
    public const string DeadlineCues = "deadline-cues.txt";
    public const string Audiences = "audiences.tsv";
    public const string ShortcomingCues = "shortcoming-cues.txt";

    public static IReadOnlyList<string> All { get; } =
        [QuestionFrames, FunctionWords, DomainCommon, Abbreviations, Synonyms, NegationCues, ReportWords, DocumentTypes, FollowUpCues, Weekdays, NumberLabels, ConditionCues, EventTimes, ReasonCues, QuestionReadings, RoleMemberships, HeaderWords, OcrCorrections, TargetCues, ActionVerbs, DeadlineCues, Audiences, ShortcomingCues];

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>The rows of a list: comments and blank lines dropped, each row's columns trimmed and NFC.</summary>
    public static IReadOnlyList<string[]> Rows(string name) =>
        Text(name).Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Select(line => line.TrimStart().StartsWith('#') ? string.Empty : line)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split('\t').Select(c => VietnameseText.Normalize(c.Trim())).ToArray())
            .ToList();

    /// <summary>The file as shipped, for readers with their own format (Lucene's synonym parser).</summary>
    public static string Text(string name) => Texts.GetOrAdd(name, Read);

    private static string Read(string name) =>
        EmbeddedFiles.Read(typeof(WordLists).Assembly, "Words", name, $"Thiếu danh sách từ {name} trong chương trình.");
}
