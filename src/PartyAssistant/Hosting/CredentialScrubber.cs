using System.Text.RegularExpressions;

namespace PartyAssistant.Hosting;

/// <summary>
/// Upstream error text (a model server's 401 body, a URL with a bot token in it) goes to the logs only after
/// anything that looks like a credential is replaced: logs are read and shipped more widely than secrets should be.
/// </summary>
public static partial class CredentialScrubber
{
    private const string Hidden = "***";

    public static string Scrub(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Patterns().Replace(text, m => m.Groups["keep"].Success ? m.Groups["keep"].Value + Hidden : Hidden);

    // Bearer/Basic headers; OpenAI-style keys; Telegram bot tokens (also inside /bot…/ URLs); key=value and "key": "value"
    // pairs whose name says secret, token, key or password.
    [GeneratedRegex(
        """(?<keep>\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{6,}|\bsk-[A-Za-z0-9_-]{6,}|(?<![0-9])\d{5,}:[A-Za-z0-9_-]{20,}|(?<keep>(?:access_token|refresh_token|api[_-]?key|secret(?:_key)?|password|token)["']?\s*[:=]\s*["']?)[^"'\s&,}]{4,}""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Patterns();
}
