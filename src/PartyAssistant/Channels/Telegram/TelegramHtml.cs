using PartyAssistant.Answering;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Answers as Telegram HTML: only &lt;, &gt; and &amp; need escaping there, and the limit (4,096)
/// counts text after the tags are parsed, so parts are cut from the plain text first.
/// </summary>
public static class TelegramHtml
{
    /// <summary>Under Telegram's 4,096 with room for the few characters the formatting adds.</summary>
    public const int MaxPartLength = 3900;

    /// <summary>Only &amp;, &lt; and &gt; (Vietnamese letters stay as they are, unlike a general HTML encoder's output).</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    public static IReadOnlyList<string> FormatAnswer(GroundedAnswer answer)
    {
        var plain = answer.Notice is null ? answer.Answer : $"{answer.Notice}\n\n{answer.Answer}";
        return MessageSplitter.Split(plain, MaxPartLength).Select(FormatPart).ToList();
    }

    public static IReadOnlyList<string> FormatPlain(string text) =>
        MessageSplitter.Split(text, MaxPartLength).Select(Escape).ToList();

    private static string FormatPart(string part) => string.Join('\n', part.Split('\n').Select(line =>
        line.StartsWith(SourceList.Heading, StringComparison.Ordinal) || line.StartsWith("Lưu ý:", StringComparison.Ordinal)
            ? $"<b>{Escape(line)}</b>"
            : Escape(line)));
}
