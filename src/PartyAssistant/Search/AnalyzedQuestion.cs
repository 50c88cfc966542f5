using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Search;

/// <summary>What kind of fact a question asks for, when its wording says so.</summary>
public enum ExpectedAnswer
{
    Any,

    /// <summary>"khi nào", "ngày nào", "bao giờ": a date or a year.</summary>
    Time,

    /// <summary>"bao nhiêu", "mấy", "tỷ lệ": a number.</summary>
    Quantity,

    /// <summary>"X là gì?", "khái niệm X", "định nghĩa của X": a sentence that says "X là …".</summary>
    Definition,

    /// <summary>"còn hiệu lực không?", "đã bị thay thế chưa?": what says whether a document is in force.</summary>
    Status,

    /// <summary>"ai ký?", "cơ quan nào chủ trì?": a named person or body.</summary>
    Actor,
}

/// <summary>A question made ready for search: normalised, abbreviations expanded, document references found.</summary>
/// <param name="SearchText">What the analyzer sees: the question with abbreviations expanded and without
/// "kết luận này"-style pointers, which name no document and would match every sentence saying "Kết luận này".</param>
/// <param name="PointedType">The document type such a pointer names ("Kết luận"), if any.</param>
public sealed partial record AnalyzedQuestion(
    string Original,
    string SearchText,
    bool TypedWithoutDiacritics,
    IReadOnlyList<DocumentReference> References,
    string? PointedType,
    ExpectedAnswer Expected,
    string? DefinedTerm = null)
{
    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.Ordinal)
    {
        ["ket luan"] = "Kết luận",
        ["nghi quyet"] = "Nghị quyết",
        ["quy dinh"] = "Quy định",
        ["chi thi"] = "Chỉ thị",
        ["huong dan"] = "Hướng dẫn",
    };

    public static AnalyzedQuestion From(string question)
    {
        var normalized = VietnameseText.Normalize(question).Trim();
        var folded = VietnameseText.Fold(normalized);
        var references = DocumentReference.FindAll(normalized);

        string? pointedType = null;
        var withoutPointers = normalized;
        if (folded.Length == normalized.Length && Pointer().Match(folded) is { Success: true } pointer)
        {
            // Folding keeps one character per character here, so positions carry over.
            pointedType = TypeNames.GetValueOrDefault(pointer.Groups["type"].Value);
            withoutPointers = string.Concat(normalized.AsSpan(0, pointer.Index), new string(' ', pointer.Length), normalized.AsSpan(pointer.Index + pointer.Length));
        }

        var searchText = Abbreviations.Expand(withoutPointers).Text;
        if (VietnameseText.MatchKey(searchText).Length == 0)
        {
            searchText = Abbreviations.Expand(normalized).Text;
        }

        // "ĐV", "QĐ" carry a đ but say nothing about whether the writer types diacritics.
        var ownWords = string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', '?', '!', ':', ';', '"', '(', ')'))
            .Where(w => !Abbreviations.IsAbbreviation(w) && DocumentReference.ParseNumber(w) is null));
        var term = DefinedTermOf(normalized, folded);
        var expected = term is not null ? ExpectedAnswer.Definition
            : StatusQuestion().IsMatch(folded) ? ExpectedAnswer.Status
            : TimeQuestion().IsMatch(folded) ? ExpectedAnswer.Time
            : QuantityQuestion().IsMatch(folded) ? ExpectedAnswer.Quantity
            : ActorQuestion().IsMatch(folded) ? ExpectedAnswer.Actor
            : ExpectedAnswer.Any;
        return new AnalyzedQuestion(normalized, searchText, !VietnameseText.HasDiacritics(ownWords), references, pointedType, expected, term);
    }

    /// <summary>The term a definition question asks about, in match form ("phong ve chinh dang"), or null.</summary>
    private static string? DefinedTermOf(string normalized, string folded)
    {
        if (!DefinitionQuestion().IsMatch(folded))
        {
            return null;
        }

        var quoted = Quoted().Match(normalized);
        string candidate;
        if (quoted.Success)
        {
            candidate = quoted.Groups["term"].Value;
        }
        else if (BeforeLaGi().Match(folded) is { Success: true } before)
        {
            // "Theo Bộ luật Hình sự, hình phạt là gì?": the term is after the last comma.
            candidate = before.Groups["term"].Value.Split(',')[^1];
        }
        else if (AfterConcept().Match(folded) is { Success: true } after)
        {
            candidate = after.Groups["term"].Value;
        }
        else
        {
            return null;
        }

        var key = VietnameseText.MatchKey(candidate);
        return key.Split(' ').Length is >= 1 and <= 12 && key.Length >= 2 ? key : null;
    }

    [GeneratedRegex(@"\b(la gi|dinh nghia|khai niem|duoc hieu la|hieu the nao la)\b")]
    private static partial Regex DefinitionQuestion();

    [GeneratedRegex(@"[""“”'‘’](?<term>[^""“”'‘’]{2,80})[""“”'‘’]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(?<term>.+?)\s+(la gi|duoc hieu la gi|duoc hieu the nao)\b")]
    private static partial Regex BeforeLaGi();

    [GeneratedRegex(@"\b(khai niem|dinh nghia)( (cua|ve))?\s+(?<term>[^?.,]+?)(\s+(la|theo|trong|duoc)\b|\s*[?.,]|$)")]
    private static partial Regex AfterConcept();

    // Matched on folded text, so "Kết luận này" and "ket luan nay" are one pattern.
    [GeneratedRegex(@"\b(?<type>ket luan|nghi quyet|quy dinh|chi thi|huong dan|van ban)\s+nay\b")]
    private static partial Regex Pointer();

    [GeneratedRegex(@"(^|\s)ai(\s|$)|\b(co quan|don vi|ban|nguoi|to chuc|cap) nao\b")]
    private static partial Regex ActorQuestion();

    [GeneratedRegex(@"\b(con hieu luc|het hieu luc|co hieu luc|hieu luc (khong|chua|nhu the nao)|bi thay the|duoc thay the|da thay the|van ap dung|con ap dung|bai bo)\b")]
    private static partial Regex StatusQuestion();

    [GeneratedRegex(@"\b(khi nao|bao gio|ngay nao|nam nao|thang nao|thoi gian nao|thoi diem nao|thoi han|han chot|luc nao)\b")]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"\b(bao nhieu|may (lan|nam|thang|nguoi|nhiem vu|dieu)|ty le|phan tram|bao lau)\b")]
    private static partial Regex QuantityQuestion();
}
