namespace PartyAssistant.Answering;

/// <summary>
/// Document order from passage ids ("kl-tu-nq03/II.3.4" before "kl-tu-nq03/III.1"): the supplied
/// passages carry their ids, not their places, and steps must read in the order the text gives them.
/// </summary>
public sealed class PassageOrder : IComparer<string>
{
    public static PassageOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('/', '.', '-');
        var b = (y ?? string.Empty).Split('/', '.', '-');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = Value(a[i]) is { } va && Value(b[i]) is { } vb ? va.CompareTo(vb) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>The section's section path: "kl-tu-nq03/II.3" for "kl-tu-nq03/II.3.4".</summary>
    public static string Parent(string passageId)
    {
        var dot = passageId.LastIndexOf('.');
        return dot > passageId.IndexOf('/', StringComparison.Ordinal) ? passageId[..dot] : passageId;
    }

    private static int? Value(string part)
    {
        if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        // Roman-numeral parts (I, II, IV …) of the official texts.
        var roman = new Dictionary<char, int> { ['I'] = 1, ['V'] = 5, ['X'] = 10, ['L'] = 50 };
        if (part.Length == 0 || part.Any(c => !roman.ContainsKey(c)))
        {
            return null;
        }

        var total = 0;
        for (var i = 0; i < part.Length; i++)
        {
            var v = roman[part[i]];
            total += i + 1 < part.Length && roman[part[i + 1]] > v ? -v : v;
        }

        return total;
    }
}
