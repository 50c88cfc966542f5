using System.Globalization;

namespace PartyAssistant.Channels;

/// <summary>
/// The data behind the buttons under an answer: "p:{answer}:{n}" (the full passage [n]),
/// "d:{answer}" (related documents), "f:{answer}:1|0" (feedback). Numbers only, so it stays far
/// under Telegram's 64-byte limit whatever the language of the answer.
/// </summary>
public sealed record AnswerButton(string Kind, long AnswerId, int Number)
{
    public const string Passage = "p";
    public const string Related = "d";
    public const string Helpful = "f1";
    public const string NotHelpful = "f0";

    public static string Format(string kind, long answerId, int number = 0) => kind switch
    {
        Passage => string.Create(CultureInfo.InvariantCulture, $"p:{answerId}:{number}"),
        Related => string.Create(CultureInfo.InvariantCulture, $"d:{answerId}"),
        Helpful => string.Create(CultureInfo.InvariantCulture, $"f:{answerId}:1"),
        NotHelpful => string.Create(CultureInfo.InvariantCulture, $"f:{answerId}:0"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static AnswerButton? Parse(string? data)
    {
        var parts = (data ?? string.Empty).Split(':');
        if (parts.Length < 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var answerId))
        {
            return null;
        }

        var number = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        return (parts[0], parts.Length, number) switch
        {
            ("p", 3, > 0) => new AnswerButton(Passage, answerId, number),
            ("d", 2, _) => new AnswerButton(Related, answerId, 0),
            ("f", 3, 1) => new AnswerButton(Helpful, answerId, 1),
            ("f", 3, 0) => new AnswerButton(NotHelpful, answerId, 0),
            _ => null,
        };
    }
}
