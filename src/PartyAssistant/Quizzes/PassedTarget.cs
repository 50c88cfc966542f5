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
    private static readonly Lazy<PhraseSet<string>> Cues = new(() => new PhraseSet<string>(WordLists.Rows(WordLists.TargetCues).Select(row => (row[0], row[0]))));

    /// <summary>"đến năm 2025" when <paramref name="sentence"/> sets such a target and the year ended before <paramref name="today"/>; otherwise null.</summary>
    public static string? In(string sentence, DateOnly today)
    {
        // A sentence typed without any mark ("den nam 2025") matches the cues without theirs.
        var tokens = TextTokens.Of(sentence, marksKnown: VietnameseText.HasDiacritics(sentence));
        foreach (var cue in Cues.Value.FindEvery(tokens))
        {
            if (cue.End < tokens.Count
                && tokens[cue.End].Text is { Length: 4 } year
                && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && value is > 1900 and < 2200
                && value < today.Year)
            {
                return $"{cue.Value} {year}";
            }
        }

        return null;
    }
}
