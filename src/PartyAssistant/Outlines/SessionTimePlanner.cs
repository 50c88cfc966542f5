namespace PartyAssistant.Outlines;

/// <summary>
/// Splits the session's minutes: a tenth for the introduction, a fifth for discussion, a tenth for
/// the quick check, and the rest over the parts by how much there is to read out in each. Whole
/// minutes, summing exactly to the session (largest remainders), at least one minute a step when
/// the session allows it.
/// </summary>
public static class SessionTimePlanner
{
    public const int MinMinutes = 15;
    public const int MaxMinutes = 240;

    public const string Introduction = "Giới thiệu";
    public const string Discussion = "Thảo luận";
    public const string QuickCheck = "Kiểm tra nhanh";

    public static string? Problem(int minutes) => minutes is < MinMinutes or > MaxMinutes
        ? $"Thời lượng buổi sinh hoạt phải từ {MinMinutes} đến {MaxMinutes} phút (đã nhập {minutes})."
        : null;

    public static IReadOnlyList<TimeSlot> Plan(int minutes, IReadOnlyList<OutlinePart> parts, bool hasQuiz)
    {
        if (Problem(minutes) is { } problem)
        {
            throw new OutlineRequestException(problem);
        }

        var content = parts.Select(p => (double)Math.Max(1, p.KeyPoints.Sum(k => k.Quote.Length))).ToList();
        var total = content.Sum();
        var partShare = hasQuiz ? 0.6 : 0.7;
        var steps = new List<(string Activity, double Weight)> { (Introduction, 0.1) };
        steps.AddRange(parts.Select((p, i) => (p.Heading, partShare * content[i] / total)));
        steps.Add((Discussion, 0.2));
        if (hasQuiz)
        {
            steps.Add((QuickCheck, 0.1));
        }

        var split = Split(minutes, steps.Select(s => s.Weight).ToList());
        return steps.Select((s, i) => new TimeSlot(s.Activity, split[i])).ToList();
    }

    /// <summary>Whole numbers proportional to the weights that add up to <paramref name="total"/>.</summary>
    public static IReadOnlyList<int> Split(int total, IReadOnlyList<double> weights)
    {
        var floor = total >= weights.Count ? 1 : 0;
        var rest = total - (floor * weights.Count);
        var sum = weights.Sum();
        var exact = weights.Select(w => rest * w / sum).ToList();
        var result = exact.Select(e => floor + (int)Math.Floor(e)).ToArray();
        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).Take(left))
        {
            result[i]++;
        }

        return result;
    }
}
