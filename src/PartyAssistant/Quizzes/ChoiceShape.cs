using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// What the choices of one question must share so that none is guessed by its look: figures, dates and
/// document numbers are written alike with only the digits changed ("40 tuổi" / "35 tuổi", "đến năm 2025" /
/// "đến năm 2030", "01-KL/TW" / "38-KL/TW"); roles and frequencies are all roles or all frequencies; and the
/// longest choice is at most <see cref="MaxLengthRatio"/> times the shortest.
/// </summary>
public static partial class ChoiceShape
{
    public const double MaxLengthRatio = 1.5;

    /// <summary>The shape a fact's alternatives must have: its kind, and for figures, dates and numbers its words with every number as "#".</summary>
    public static string Of(Fact fact) =>
        QuizFacts.IsFigure(fact.Kind) ? $"{fact.Kind}|{Digits().Replace(VietnameseText.MatchKey(fact.Text), "#")}" : fact.Kind.ToString();

    /// <summary>Whether the choices are of one length class: the longest at most <see cref="MaxLengthRatio"/> times the shortest.</summary>
    public static bool OneLengthClass(IEnumerable<string> choices)
    {
        var lengths = choices.Select(c => c.Trim().Length).ToList();
        return lengths.Count == 0 || lengths.Max() <= MaxLengthRatio * lengths.Min();
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
