using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Obligations;

/// <summary>
/// How one sentence reads: who it names as its subject (the role that acts), whether it is a
/// directive, and the checklist line. Only the shape of the sentence counts, never mere mention:
/// "cung cấp thông tin cho cán bộ, đảng viên" names members, but as the ones served.
/// </summary>
internal sealed partial record ObligationSentence(string Quote, string Text, IReadOnlyList<Role> Subjects, bool Obligatory, bool Imperative)
{
    public bool HasSubject => this.Subjects.Count > 0;

    /// <param name="directiveContext">Under a heading about tasks: a role followed by anything but a report or a description acts.</param>
    /// <param name="articleContext">In an article (Điều, khoản) of a regulation: a role followed by an action (action-verbs.txt) acts.</param>
    public static ObligationSentence Read(string sentence, bool directiveContext, bool articleContext = false)
    {
        var quote = ListMarker.Strip(sentence).Trim();
        var labelled = TaskLabel().Replace(quote, string.Empty, 1);
        var core = labelled;
        var prefixed = false;
        if (According().Match(core) is { Success: true } according)
        {
            core = core[according.Length..];
            prefixed = true;
        }

        if (LeadingSchedule(core) is { } afterSchedule)
        {
            core = core[afterSchedule..];
            prefixed = true;
        }

        var assigned = Assign().Match(core);
        if (!assigned.Success && AssignedBy().Match(core) is { Success: true } by)
        {
            // "Khoản 2 Điều 1 … giao cho cả tổ chức cơ sở đảng … trách nhiệm …": the document is the subject, the
            // roles after "giao cho" are who acts; the line keeps the whole sentence, which names both.
            assigned = by;
            prefixed = true;
        }

        var subjectStart = assigned.Success ? assigned.Length : Determiner().Match(core).Length;
        var (subjects, subjectEnd) = SubjectAt(core, subjectStart);
        if (subjects.Count == 0)
        {
            return new ObligationSentence(quote, Capitalize(labelled), [], false, Imperative: !assigned.Success && Directive.OpensWithAction(core));
        }

        var predicate = core[subjectEnd..].TrimStart();
        var obligatory = predicate.Length > 0 && (assigned.Success || Directive.HasModal(predicate)
            || (directiveContext && !Descriptive().IsMatch(predicate))
            || (articleContext && Directive.OpensWithAction(predicate)));

        // The role prefix goes only when the predicate follows it directly: a qualifier ("đảng viên được miễn sinh hoạt … vẫn phải", "đảng viên sinh hoạt tại chi bộ ấp có trách nhiệm …")
        // or a time in front ("Mỗi năm một lần, chi uỷ …") is part of what the duty says.
        var text = !prefixed && core[subjectEnd..].StartsWith(' ') && !Qualified().IsMatch(predicate) ? predicate : core;
        return new ObligationSentence(quote, Capitalize(text), subjects, obligatory, Imperative: false);
    }

    /// <summary>
    /// The roles named at <paramref name="start"/> and joined to it ("các cấp uỷ, tổ chức đảng", "đảng bộ xã, phường, thị trấn,
    /// đảng bộ huyện"), with "(nơi không có chi uỷ thì bí thư chi bộ)" adding the stand-in; and where the subject ends.
    /// </summary>
    private static (List<Role> Roles, int End) SubjectAt(string core, int start)
    {
        var roles = new List<Role>();
        var end = start;
        foreach (var mention in RoleLexicon.Find(core))
        {
            // Some aliases carry their determiner ("các cấp uỷ"): the first may start before the subject's start, but not end there.
            var first = roles.Count == 0 && mention.Start <= start && mention.Start + mention.Length > start;
            if (!first && mention.Start < end)
            {
                continue;
            }

            if (!first && (roles.Count == 0 || !Joiner().IsMatch(core[end..mention.Start])))
            {
                break;
            }

            if (!roles.Contains(mention.Role))
            {
                roles.Add(mention.Role);
            }

            end = mention.Start + mention.Length;
            end += PlaceList.TailLength(core[end..]);
        }

        if (roles.Count > 0 && StandIn().Match(core[end..]) is { Success: true } standIn)
        {
            roles.AddRange(RoleLexicon.Find(standIn.Groups["who"].Value).Select(m => m.Role).Where(r => !roles.Contains(r)));
            end += standIn.Length;
        }

        return (roles, end);
    }

    // "Định kỳ hàng năm, tham mưu …", "định kỳ 6 tháng một lần hoặc khi cần, đảng uỷ …": the schedule is read, not the subject.
    private static int? LeadingSchedule(string core)
    {
        var first = FactExtractor.Schedule(core).FirstOrDefault();
        if (first is null || first.Start != 0)
        {
            return null;
        }

        var comma = core.IndexOf(',', first.End);
        return comma >= 0 && comma - first.End <= 40 ? comma + 1 + (core.Length > comma + 1 && core[comma + 1] == ' ' ? 1 : 0) : null;
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];

    // "Nhiệm vụ 1 (Điều 2 Quy định 213-QĐ/TW): …" in the summaries.
    [GeneratedRegex(@"^(Nhiệm vụ|Trách nhiệm)\s+\d+\s*(\([^)]*\))?\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TaskLabel();

    [GeneratedRegex(@"^Theo\s+[^,]{1,100},\s*")]
    private static partial Regex According();

    [GeneratedRegex(@"^Giao\s+(cho\s+)?(cả\s+)?(các\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Assign();

    // A document or one of its parts that assigns a duty: "Khoản 2 Điều 1 Quy định 213-QĐ/TW giao cho …".
    [GeneratedRegex(@"^(Khoản|Điều|Mục|Điểm|Quy định|Hướng dẫn|Kết luận|Nghị quyết|Chỉ thị)\s[^,;:]{0,100}?\sgiao\s+cho\s+(cả\s+)?(các\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex AssignedBy();

    [GeneratedRegex(@"^(Các|Những)\s+")]
    private static partial Regex Determiner();

    [GeneratedRegex(@"^(\s*[,;]\s*|\s+và\s+|\s*,\s*và\s+)(các\s+)?$")]
    private static partial Regex Joiner();

    [GeneratedRegex(@"^\s*\((?<who>[^)]*\bthì\s+[^)]+)\)")]
    private static partial Regex StandIn();

    // A predicate that reports or describes rather than directs: "được xếp loại", "đã nghiêm túc", "không bị lấy nhận xét".
    [GeneratedRegex(@"^(đã|được|chưa|còn|là|không|bị|thuộc|có xu hướng|cũng|nêu|gồm)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Descriptive();

    [GeneratedRegex(@"^(được|thuộc|không|đang|đi|ở|làm việc|sinh hoạt tại|sinh hoạt ở|vắng mặt)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Qualified();

}
