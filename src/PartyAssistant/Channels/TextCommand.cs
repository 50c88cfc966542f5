namespace PartyAssistant.Channels;

/// <summary>Commands typed as text, where a platform has no command menu: "/hoi …", "/xem id", or just "xem id".</summary>
public static class TextCommand
{
    public static (string? Command, string Argument) Parse(string text)
    {
        var trimmed = text.Trim();
        var slash = trimmed.StartsWith('/');
        var body = slash ? trimmed[1..] : trimmed;
        var end = body.IndexOfAny([' ', '\n']);
        var word = (end < 0 ? body : body[..end]).ToLowerInvariant();
        var argument = end < 0 ? string.Empty : body[(end + 1)..].Trim();
        if (slash)
        {
            return (word, argument);
        }

        // Without a slash only "xem <mã-đoạn>" is a command: the id the answers tell users to send.
        return word == "xem" && argument.Contains('/', StringComparison.Ordinal) && !argument.Contains(' ', StringComparison.Ordinal)
            ? ("xem", argument)
            : (null, trimmed);
    }
}
