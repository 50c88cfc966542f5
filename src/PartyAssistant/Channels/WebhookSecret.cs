using System.Security.Cryptography;
using System.Text;

namespace PartyAssistant.Channels;

/// <summary>A secret (a webhook's header, the office page's token) compared in constant time; each caller keeps its own length rules.</summary>
public static class WebhookSecret
{
    /// <summary>
    /// True when <paramref name="given"/> is present and equals <paramref name="expected"/>, byte for byte in UTF-8. Both are
    /// hashed first, so the comparison takes as long whatever the given length: a wrong guess does not tell the secret's length.
    /// </summary>
    public static bool Matches(string expected, string? given) =>
        given is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
