using System.Security.Cryptography;
using System.Text;

namespace PartyAssistant.Channels;

/// <summary>A webhook's secret header compared in constant time; each caller keeps its own length rules.</summary>
public static class WebhookSecret
{
    /// <summary>True when <paramref name="given"/> is present and equals <paramref name="expected"/>, byte for byte in UTF-8.</summary>
    public static bool Matches(string expected, string? given) =>
        given is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
