using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Outlines;

/// <summary>
/// Three to five questions that bring the document home to the audience (a chi bộ unless told
/// otherwise), one per topic, only about points that fall to it (audiences.tsv: a chi bộ is not asked
/// about a đảng uỷ xã's targets): topics that set a target (a percentage) first, the others spread
/// over the document so every part gets its turn; asked in document order. The quoted words are the document's own, so each question still
/// passes the quote rule against the passage it cites.
/// </summary>
internal static partial class DiscussionQuestionWriter
{
    public const int Most = 5;
    private const int Fewest = 3;
    private const int MaxQuotedWords = 22;

    /// <param name="duties">Who each duty sentence of the corpus is for, by passage id and sentence (<see cref="ObligationFinder"/>):
    /// a subjectless directive ("Thường xuyên kiểm tra …") belongs to the role its passage opens with.</param>
    public static IReadOnlyList<DiscussionQuestion> Write(IReadOnlyList<OutlinePart> parts, DateOnly today, Audience audience, ILookup<(string PassageId, string Key), Role> duties)
    {
        bool Concerns(KeyPoint point)
        {
            var owners = duties[(point.Source.PassageId, VietnameseText.MatchKey(point.Quote))].ToList();
            return audience.Concerns(owners.Count > 0 ? owners : RolesOf(point.Quote));
        }

        // A summary's "Thông tin văn bản" or "Hiệu lực" is for the trainer, not for the cell to discuss.
        var discussable = parts.Where(p => !AboutTheDocument().IsMatch(p.Heading)).ToList();
        parts = discussable.Count > 0 ? discussable : parts;
        var candidates = parts
            .SelectMany(p => p.Topics.Select(t => (Part: p, Points: t.KeyPoints.Where(Concerns).ToList())))
            .Where(c => c.Points.Count > 0)
            .Select(c => (c.Part, Point: Pick(c.Points)))
            .ToList();
        if (candidates.Count < Fewest)
        {
            // Few topics (a short summary): further key points give the audience enough to discuss.
            candidates = parts.SelectMany(p => p.KeyPoints.Where(Concerns).Select(k => (Part: p, Point: k))).Take(Fewest).ToList();
        }

        var chosen = candidates.Select((c, i) => (c.Part, c.Point, Index: i)).Where(c => HasTarget(c.Point)).Take(Most).ToList();
        var rest = candidates.Select((c, i) => (c.Part, c.Point, Index: i)).Where(c => !HasTarget(c.Point)).ToList();
        chosen.AddRange(Spread(rest, Most - chosen.Count));
        return chosen.OrderBy(c => c.Index).Select(c => Ask(c.Part, c.Point, today, audience)).ToList();
    }

    /// <summary>The roles a sentence that is no duty is said of: its subject, or else every role it names (a point falls to an audience that has one of them).</summary>
    internal static IReadOnlyList<Role> RolesOf(string sentence)
    {
        var read = ObligationSentence.Read(VietnameseText.Normalize(sentence), directiveContext: true);
        return read.HasSubject ? read.Subjects : RoleLexicon.Find(sentence).Select(m => m.Role).Distinct().ToList();
    }

    /// <summary>A topic's target if it sets one (the most informative), else a shortcoming it names, else its first point.</summary>
    private static KeyPoint Pick(IReadOnlyList<KeyPoint> points) =>
        points.Where(HasTarget).OrderByDescending(p => KeyPointSelector.Score(p.Quote)).FirstOrDefault()
        ?? points.FirstOrDefault(p => Shortcomings.Named(p.Quote))
        ?? points[0];

    private static DiscussionQuestion Ask(OutlinePart part, KeyPoint point, DateOnly today, Audience audience)
    {
        var target = HasTarget(point);
        var we = audience.We;
        var weOpening = char.ToUpperInvariant(we[0]) + we[1..];

        // A target is quoted whole, figure included; after a lead-in ("… còn một số hạn chế:") what it introduces is the point.
        var quoted = target ? point.Quote.TrimEnd('.', ';') : Shorten(AfterLeadIn(point.Quote));
        // A target whose year has ended is discussed as such: was it reached, not how to reach it.
        var passed = target ? Quizzes.PassedTarget.In(point.Quote, today) : null;
        var question = passed is not null
            ? $"Văn bản đặt chỉ tiêu: “{quoted}”. Mốc “{passed}” đã qua: {we} đã đạt chỉ tiêu này chưa, vì sao, và còn phải làm gì?"
            : target
            ? $"Văn bản đặt chỉ tiêu: “{quoted}”. {weOpening} đang ở đâu so với chỉ tiêu này, cần làm gì để đạt?"
            : Shortcomings.Named(point.Quote)
                ? $"Văn bản chỉ ra: “{quoted}”. {weOpening} có tình trạng này không, khắc phục thế nào?"
                : Assessment().IsMatch(part.Heading)
                    ? $"Văn bản đánh giá: “{quoted}”. Ở {we}, điều này thể hiện thế nào?"
                    : Directive.StatesDuty(point.Quote)
                        ? $"{weOpening} đã thực hiện “{quoted}” như thế nào? Còn khó khăn gì?"
                        : $"Văn bản nêu: “{quoted}”. Điều này đặt ra yêu cầu gì với {we} và từng đảng viên?";
        return new DiscussionQuestion(VietnameseText.Normalize(question), point.Source);
    }

    private static bool HasTarget(KeyPoint point) => FactExtractor.Extract(point.Quote).Any(f => f.Kind == FactKind.Percent);

    private static string AfterLeadIn(string sentence)
    {
        var colon = sentence.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && colon < sentence.Length - 20 ? sentence[(colon + 2)..] : sentence;
    }

    /// <summary>Up to <paramref name="count"/> items evenly spaced from first to last.</summary>
    private static IEnumerable<T> Spread<T>(IReadOnlyList<T> items, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        if (items.Count <= count)
        {
            return items;
        }

        return count == 1
            ? [items[0]]
            : Enumerable.Range(0, count).Select(i => items[(int)Math.Round(i * (items.Count - 1) / (double)(count - 1), MidpointRounding.AwayFromZero)]);
    }

    /// <summary>
    /// The sentence up to its last comma within the word limit, marked with "…"; whole when there is
    /// no such comma. Cut anywhere else, a quote can lose the word that carries its meaning ("… vẫn là
    /// khâu…" without "yếu"), or end inside a name.
    /// </summary>
    private static string Shorten(string sentence)
    {
        var text = sentence.TrimEnd('.', ';', ':');
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= MaxQuotedWords)
        {
            return text;
        }

        var head = string.Join(' ', words.Take(MaxQuotedWords));
        var comma = head.LastIndexOf(',');
        return comma > head.Length / 2 ? head[..comma] + "…" : text;
    }

    [GeneratedRegex(@"^(Thông tin văn bản|Hiệu lực|Văn bản (liên quan|trước|được thay thế|tiếp nối|dẫn chiếu))", RegexOptions.IgnoreCase)]
    private static partial Regex AboutTheDocument();

    [GeneratedRegex(@"kết quả|đánh giá|tình hình", RegexOptions.IgnoreCase)]
    private static partial Regex Assessment();
}
