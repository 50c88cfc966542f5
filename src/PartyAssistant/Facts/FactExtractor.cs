using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Text;

namespace PartyAssistant.Facts;

/// <summary>What kind of fact a span of a sentence states.</summary>
public enum FactKind
{
    /// <summary>"trên 95%", "50%".</summary>
    Percent,

    /// <summary>A number with its unit: "40 tuổi", "05 năm", "10 năm".</summary>
    Quantity,

    /// <summary>A point in time or a deadline: "cuối năm 2022", "đến năm 2025", "ngày 18/5/2021".</summary>
    Time,

    /// <summary>How often: "hằng năm", "định kỳ", "6 tháng một lần", "thường xuyên".</summary>
    Frequency,

    /// <summary>A body or person with duties (see <see cref="RoleLexicon"/>).</summary>
    Actor,

    /// <summary>A document number: "01-KL/TW".</summary>
    Document,

    /// <summary>A term the text sets in quotation marks: "Hoàn thành tốt nhiệm vụ".</summary>
    QuotedTerm,
}

/// <summary>A fact in a text: its kind, the words as written, and where they are (NFC positions).</summary>
public sealed record Fact(FactKind Kind, string Text, int Start, int Length, Role? Role = null)
{
    public int End => this.Start + this.Length;

    /// <summary>
    /// A time right after a document number ("01-KL/TW ngày 18/5/2021"): it names the document,
    /// it is no deadline or milestone of the text.
    /// </summary>
    public bool DatesDocument { get; init; }

    /// <summary>
    /// An "as of" bound ("Tính đến tháng 01/2026 chưa tìm thấy…", "Đến tháng 12/2025, … vẫn được áp
    /// dụng"): the status it dates holds at any earlier date too, so another date is no wrong answer.
    /// </summary>
    public bool IsStatusDate { get; init; }

    /// <summary>
    /// A deadline, milestone or rhythm the text sets: a time or a frequency, not the date that only
    /// names a cited document ("Kết luận số 01-KL/TW ngày 18/5/2021") nor an "as of" date of a
    /// summary's check. Vague frequencies ("định kỳ", "thường xuyên") count: they still say when.
    /// </summary>
    public bool IsSchedule => this.Kind is FactKind.Time or FactKind.Frequency && !this.DatesDocument && !this.IsStatusDate;

    /// <summary>A length of time: "05 năm", "12 tháng", "3 ngày" — what "bao lâu" asks for.</summary>
    public bool IsDuration => this.Kind == FactKind.Quantity && FactExtractor.DurationUnit().IsMatch(VietnameseText.Fold(this.Text));

    /// <summary>
    /// A figure to remember: a percentage, a quantity, or a schedule that pins a time down — a
    /// frequency only when it names a rhythm ("hằng năm", "6 tháng một lần"), not "định kỳ".
    /// </summary>
    public bool IsMemorableFigure => this.Kind switch
    {
        FactKind.Percent or FactKind.Quantity => true,
        FactKind.Time => this.IsSchedule,
        FactKind.Frequency => this.IsSchedule && Frequencies.IsConcrete(this.Text),
        _ => false,
    };
}

/// <summary>
/// Finds the facts a trainer asks about and a secretary must remember — figures, deadlines,
/// frequencies, who acts, which document — in one sentence or passage. Matching runs on the
/// folded text, whose positions equal the NFC text's, so spans can be cut out of the original.
/// </summary>
public static partial class FactExtractor
{
    public static IReadOnlyList<Fact> Extract(string text)
    {
        var normalized = VietnameseText.Normalize(text);
        var folded = VietnameseText.Fold(normalized).ToLowerInvariant();
        if (folded.Length != normalized.Length)
        {
            return [];
        }

        var facts = new List<Fact>();
        void Add(FactKind kind, Match match, Group? group = null)
        {
            var g = group ?? match.Groups[0];
            facts.Add(new Fact(kind, normalized.Substring(g.Index, g.Length), g.Index, g.Length));
        }

        foreach (Match m in PercentPattern().Matches(folded))
        {
            Add(FactKind.Percent, m);
        }

        foreach (Match m in TimePattern().Matches(folded))
        {
            Add(FactKind.Time, m);
        }

        foreach (Match m in FrequencyPattern().Matches(folded))
        {
            Add(FactKind.Frequency, m);
        }

        foreach (Match m in QuantityPattern().Matches(folded))
        {
            Add(FactKind.Quantity, m);
        }

        foreach (var mention in DocumentReference.Find(normalized).Where(m => m.Reference.IssuerCode is not null))
        {
            // The number itself ("01-KL/TW"), not the kind written before it.
            var number = normalized.IndexOf(mention.Reference.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), mention.Start, StringComparison.Ordinal);
            var start = number < 0 || number >= mention.End ? mention.Start : number;
            while (start > mention.Start && char.IsDigit(normalized[start - 1]))
            {
                start--;
            }

            facts.Add(new Fact(FactKind.Document, normalized[start..mention.End], start, mention.End - start));
        }

        foreach (Match m in QuotedPattern().Matches(normalized))
        {
            Add(FactKind.QuotedTerm, m, m.Groups["term"]);
        }

        foreach (var mention in RoleLexicon.Find(normalized))
        {
            facts.Add(new Fact(FactKind.Actor, normalized.Substring(mention.Start, mention.Length), mention.Start, mention.Length, mention.Role));
        }

        // Overlaps: the earlier, then the longer span wins ("cuối năm 2022" over "năm 2022"; "40 tuổi" inside a time stays out).
        var kept = new List<Fact>();
        foreach (var fact in facts.OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (kept.Count == 0 || fact.Start >= kept[^1].End)
            {
                kept.Add(fact);
            }
        }

        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i].Kind == FactKind.Time)
            {
                kept[i] = kept[i] with
                {
                    DatesDocument = i > 0 && kept[i - 1].Kind == FactKind.Document && IsGap(normalized[kept[i - 1].End..kept[i].Start]),
                    IsStatusDate = IsStatusBound(folded, normalized, kept[i]),
                };
            }
        }

        return kept;
    }

    private static bool IsGap(string between) => string.IsNullOrWhiteSpace(between.Replace(",", string.Empty, StringComparison.Ordinal));

    // "tính đến/tới …" always bounds a status; a bare "đến …" does when the sentence states one ("vẫn", "chưa", "đang", "còn").
    // Status words are matched with their tone marks: folded, "đang" is also "đảng" and "vẫn" is "văn".
    private static bool IsStatusBound(string folded, string normalized, Fact time)
    {
        var before = folded[..time.Start].TrimEnd();
        var text = folded.Substring(time.Start, time.Length);
        if (AsOfLead().IsMatch(before) || (text.StartsWith("den ", StringComparison.Ordinal) && before.EndsWith("tinh", StringComparison.Ordinal)))
        {
            return true;
        }

        var opensWithUntil = text.StartsWith("den ", StringComparison.Ordinal) || text.StartsWith("den het ", StringComparison.Ordinal) ||
            before.EndsWith(" toi", StringComparison.Ordinal) || before == "toi";
        return opensWithUntil && StatusWord().IsMatch(normalized);
    }

    /// <summary>The facts of the kinds that make a deadline or schedule: times and frequencies.</summary>
    public static IReadOnlyList<Fact> Schedule(string text) =>
        Extract(text).Where(f => f.Kind is FactKind.Time or FactKind.Frequency).ToList();

    [GeneratedRegex(@"(?<![a-z0-9])((tren|duoi|it nhat|toi thieu|toi da|khong qua|dat|tu)\s+)?\d+([.,]\d+)?\s?%")]
    private static partial Regex PercentPattern();

    // "đầu năm" is left out: folded it reads like "(phấn) đấu năm 2025".
    [GeneratedRegex(@"(?<![a-z0-9])(((truoc|sau|den het|den|tu|trong|vao|cuoi|giua|nua cuoi|het)\s+)*(nam\s+\d{4}|quy\s+[iv1-4]+(\s*(/|nam)\s*\d{4})?|thang\s+\d{1,2}(\s*(/|nam)\s*\d{4})?)|(ngay\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|nhiem ky\s+\d{4}\s*[-–]\s*\d{4}|giai doan\s+\d{4}\s*[-–]\s*\d{4})(?![a-z0-9])")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(?<![a-z0-9])(dinh ky\s+(hang|hang|moi)\s+(nam|quy|thang|tuan)|dinh ky|(hang|hang)\s+(nam|quy|thang|tuan|ngay)|moi\s+(nam|quy|thang|tuan)(\s+(mot|1|hai|2)\s+lan)?|\d+\s+(thang|nam|tuan)\s+(mot|1)\s+lan|(mot|1|hai|2|ba|3)\s+lan\s+(mot|moi|trong)\s+(nam|quy|thang)|thuong xuyen|dot xuat)(?![a-z0-9])")]
    private static partial Regex FrequencyPattern();

    [GeneratedRegex(@"(?<![a-z0-9/.,-])\d+([.,]\d+)?\s+(nam|thang|tuan|ngay|tuoi|lan|dang vien|nguoi|chi bo|to dang|dong chi|nhiem vu|noi dung|gio|phut|trieu dong|ty dong)(?![a-z0-9])")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"\s(nam|thang|tuan|ngay|gio|phut)$")]
    internal static partial Regex DurationUnit();

    [GeneratedRegex(@"(?<![a-z0-9])tinh\s+(den|toi)$")]
    private static partial Regex AsOfLead();

    [GeneratedRegex(@"(?<!\p{L})(vẫn|chưa|đang|còn hiệu lực)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex StatusWord();

    [GeneratedRegex("[\"“«](?<term>[^\"”»]{2,80})[\"”»]")]
    private static partial Regex QuotedPattern();
}
