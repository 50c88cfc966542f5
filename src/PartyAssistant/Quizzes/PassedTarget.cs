using System.Globalization;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// A target or deadline a sentence sets before a year that has ended ("Đến năm 2025, … đạt 100%" read in 2026). A trainer
/// still asks what the text set, but the trainee must not take it for a target still ahead. The cues are the word list
/// <c>target-cues.txt</c>.
/// </summary>
public static class PassedTarget
{
    private static readonly Lazy<IReadOnlyList<(string Written, string Key)>> Cues = new(() => WordLists.Rows(WordLists.TargetCues)
        .Select(row => (Written: row[0], Key: VietnameseText.MatchKey(row[0])))
        .OrderByDescending(cue => cue.Key.Length)
        .ToList());

    /// <summary>"đến năm 2025" when <paramref name="sentence"/> sets such a target and the year ended before <paramref name="today"/>; otherwise null.</summary>
    public static string? In(string sentence, DateOnly today)
    {
        var words = VietnameseText.MatchKey(sentence).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (written, key) in Cues.Value)
        {
            var cue = key.Split(' ');
            for (var at = 0; at + cue.Length < words.Length; at++)
            {
                if (words.AsSpan(at, cue.Length).SequenceEqual(cue)
                    && words[at + cue.Length] is { Length: 4 } year
                    && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    && value is > 1900 and < 2200
                    && value < today.Year)
                {
                    return $"{written} {year}";
                }
            }
        }

        return null;
    }
}
