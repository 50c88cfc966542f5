using System.Globalization;

namespace PartyAssistant.Channels;

/// <summary>
/// The data behind a quiz answer button: "q:{session}:{question}:{choice}". Numbers only, so it
/// stays far under Telegram's 64-byte limit.
/// </summary>
public sealed record QuizButton(long SessionId, int Index, int Choice)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"q:{this.SessionId}:{this.Index}:{this.Choice}");

    public static QuizButton? Parse(string? data)
    {
        var parts = (data ?? string.Empty).Split(':');
        return parts.Length == 4 && parts[0] == "q"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var session)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var choice)
            ? new QuizButton(session, index, choice)
            : null;
    }
}
