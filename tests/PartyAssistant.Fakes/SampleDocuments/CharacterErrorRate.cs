using System.Text;

namespace PartyAssistant.Fakes;

/// <summary>
/// How far a text read by OCR is from the text that was printed: edits (insertions, deletions,
/// substitutions of one character) divided by the printed text's length, after both are NFC and
/// every run of white space is one space.
/// </summary>
public static class CharacterErrorRate
{
    public static double Of(string reference, string read)
    {
        var expected = Clean(reference);
        var actual = Clean(read);
        return expected.Length == 0 ? (actual.Length == 0 ? 0 : 1) : (double)Edits(expected, actual) / expected.Length;
    }

    public static int Edits(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder();
        foreach (var part in text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(sb.Length == 0 ? string.Empty : " ").Append(part);
        }

        return sb.ToString();
    }
}
