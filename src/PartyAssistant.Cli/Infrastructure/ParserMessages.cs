namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli's English parser messages in Vietnamese, from the data file
/// <c>Messages/parser-messages.tsv</c> (English template, tab, Vietnamese template).
/// </summary>
public sealed class ParserMessages
{
    public const string ResourceName = "parser-messages.tsv";

    /// <summary>Said when the library's message is in no row of the file: never its English.</summary>
    public const string Unknown = "Không hiểu dòng lệnh.";

    private readonly IReadOnlyList<(string English, string Vietnamese)> rows;

    public ParserMessages(IReadOnlyList<(string English, string Vietnamese)> rows) => this.rows = rows;

    public int Count => this.rows.Count;

    public static ParserMessages Shipped { get; } = new(MessageTable.Read(ResourceName));

    /// <summary>The Vietnamese for <paramref name="english"/>, or null when no row matches it.</summary>
    public string? Translate(string english, IEnumerable<string> commands)
    {
        foreach (var (template, vietnamese) in this.rows)
        {
            if (Match(template, english.Trim()) is { } values)
            {
                var text = vietnamese.Replace("{commands}", string.Join(", ", commands), StringComparison.Ordinal);
                for (var n = 0; n < values.Count; n++)
                {
                    text = text.Replace("{" + n + "}", values[n], StringComparison.Ordinal);
                }

                return text;
            }
        }

        return null;
    }

    /// <summary>The values standing for {0}, {1}… when <paramref name="message"/> has the template's shape.</summary>
    private static List<string>? Match(string template, string message)
    {
        var literals = new List<string>();
        var start = 0;
        while (true)
        {
            var open = template.IndexOf('{', start);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0 || !int.TryParse(template.AsSpan(open + 1, close - open - 1), out _))
            {
                literals.Add(template[start..]);
                break;
            }

            literals.Add(template[start..open]);
            start = close + 1;
        }

        if (!message.StartsWith(literals[0], StringComparison.Ordinal))
        {
            return null;
        }

        if (literals.Count == 1)
        {
            return message == literals[0] ? [] : null;
        }

        var values = new List<string>();
        var at = literals[0].Length;
        for (var i = 1; i < literals.Count; i++)
        {
            var last = i == literals.Count - 1;
            var next = last
                ? (message.EndsWith(literals[i], StringComparison.Ordinal) ? message.Length - literals[i].Length : -1)
                : message.IndexOf(literals[i], at, StringComparison.Ordinal);
            if (next < at)
            {
                return null;
            }

            values.Add(message[at..next]);
            at = next + literals[i].Length;
        }

        return values;
    }
}
