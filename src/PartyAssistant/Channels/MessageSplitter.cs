namespace PartyAssistant.Channels;

/// <summary>
/// Splits a long reply into parts a platform accepts: at paragraph boundaries first, then at line
/// breaks, then between words; never inside a word unless a single word is longer than a part.
/// </summary>
public static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        var parts = new List<string>();
        var current = string.Empty;
        foreach (var paragraph in Pieces(text.Trim(), maxLength))
        {
            var joined = current.Length == 0 ? paragraph : $"{current}\n\n{paragraph}";
            if (joined.Length <= maxLength)
            {
                current = joined;
                continue;
            }

            parts.Add(current);
            current = paragraph;
        }

        if (current.Length > 0)
        {
            parts.Add(current);
        }

        return parts;
    }

    /// <summary>Paragraphs, each cut further (lines, then words) until it fits.</summary>
    private static IEnumerable<string> Pieces(string text, int maxLength)
    {
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (paragraph.Length <= maxLength)
            {
                yield return paragraph;
                continue;
            }

            // Lines too long on their own are cut between words first, so packing lines never cuts a word.
            var lines = paragraph.Split('\n').SelectMany(line => line.Length <= maxLength ? [line] : Pack(line.Split(' '), " ", maxLength));
            foreach (var piece in Pack(lines, "\n", maxLength))
            {
                yield return piece;
            }
        }
    }

    private static List<string> Pack(IEnumerable<string> tokens, string separator, int maxLength)
    {
        var packed = new List<string>();
        var current = string.Empty;
        foreach (var token in tokens)
        {
            var joined = current.Length == 0 ? token : current + separator + token;
            if (joined.Length <= maxLength)
            {
                current = joined;
                continue;
            }

            if (current.Length > 0)
            {
                packed.Add(current);
            }

            current = token;
            while (current.Length > maxLength)
            {
                packed.Add(current[..maxLength]);
                current = current[maxLength..];
            }
        }

        if (current.Length > 0)
        {
            packed.Add(current);
        }

        return packed;
    }
}
