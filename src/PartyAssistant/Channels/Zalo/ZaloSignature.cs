using System.Security.Cryptography;
using System.Text;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// The OA webhook signature: X-ZEvent-Signature = "mac=" + hex(SHA-256(app id + raw body +
/// timestamp + OA secret key)), compared in constant time, accepted with or without "mac=".
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static string Compute(string appId, string rawBody, string timestamp, string secretKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + rawBody + timestamp + secretKey)));

    public static bool Verify(string? header, string appId, string rawBody, string timestamp, string secretKey)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secretKey))
        {
            return false;
        }

        var given = header.Trim();
        if (given.StartsWith("mac=", StringComparison.OrdinalIgnoreCase))
        {
            given = given[4..];
        }

        var expected = Compute(appId, rawBody, timestamp, secretKey);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
    }
}
