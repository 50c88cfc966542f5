using System.Globalization;
using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// The values a figure allows: "50%" one value, "trên 95%" everything above 95, "không quá 40 tuổi"
/// everything up to 40. A wrong figure must allow none of the right one's values: "100%" against
/// "trên 95%" would be true, so it is no wrong answer.
/// </summary>
internal readonly partial record struct NumericClaim(double Low, double High)
{
    private const double Step = 1e-6;

    /// <summary>
    /// The claim of <paramref name="fact"/> standing where <paramref name="place"/> (or the fact
    /// itself) stands in <paramref name="sentence"/>: a bound written before the blank ("không quá ____")
    /// applies to whatever fills it, unless the fact brings its own.
    /// </summary>
    public static NumericClaim Of(Fact fact, string sentence, Fact? place = null)
    {
        var key = VietnameseText.MatchKey(fact.Text);
        var value = Value().Match(key) is { Success: true } m ? double.Parse(m.Value.Replace(',', '.'), CultureInfo.InvariantCulture) : double.NaN;
        var at = (place ?? fact).Start;
        var bound = Bound(key) ?? Bound(VietnameseText.MatchKey(sentence[..Math.Min(at, sentence.Length)]), atEnd: true);
        return bound switch
        {
            "above" => new NumericClaim(value + Step, double.PositiveInfinity),
            "from" => new NumericClaim(value, double.PositiveInfinity),
            "below" => new NumericClaim(double.NegativeInfinity, value - Step),
            "upto" => new NumericClaim(double.NegativeInfinity, value),
            _ => new NumericClaim(value, value),
        };
    }

    /// <summary>The unit of a quantity: "tuổi" in "40 tuổi", "năm" in "05 năm".</summary>
    public static string Unit(Fact fact) =>
        VietnameseText.MatchKey(fact.Text).Split(' ').LastOrDefault(w => w.Length > 0 && !char.IsDigit(w[0])) ?? string.Empty;

    /// <summary>No value satisfies both (and both are numbers at all).</summary>
    public bool Excludes(NumericClaim other) =>
        !double.IsNaN(this.Low) && !double.IsNaN(other.Low) && !double.IsNaN(this.High) && !double.IsNaN(other.High) &&
        (this.High < other.Low || other.High < this.Low);

    private static string? Bound(string key, bool atEnd = false)
    {
        foreach (var (words, bound) in Bounds)
        {
            var found = atEnd
                ? key == words || key.EndsWith(" " + words, StringComparison.Ordinal)
                : key.StartsWith(words + " ", StringComparison.Ordinal);
            if (found)
            {
                return bound;
            }
        }

        return null;
    }

    // Longest first, so "khong vuot qua" is read before "vuot qua".
    private static readonly (string Words, string Bound)[] Bounds =
    [
        ("khong vuot qua", "upto"), ("khong qua", "upto"), ("toi da", "upto"), ("chua den", "below"), ("chua qua", "upto"), ("duoi", "below"),
        ("it nhat", "from"), ("toi thieu", "from"), ("vuot qua", "above"), ("tren", "above"), ("hon", "above"), ("tu", "from"),
    ];

    [GeneratedRegex(@"\d+([.,]\d+)?")]
    private static partial Regex Value();
}
