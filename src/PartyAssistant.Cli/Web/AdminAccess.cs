using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels;
using PartyAssistant.Office;

namespace PartyAssistant.Cli.Web;

/// <summary>
/// Who may open /admin: a request that presents Web:AdminToken, either as "Authorization: Bearer …" (scripts,
/// the CSV export) or through the login form, which sets a cookie. The cookie does not hold the token: it holds
/// an expiry sealed with the host's Data Protection keys, so it is useless elsewhere and changing the token or
/// the keys ends every session. HttpOnly and SameSite=Strict keep it from scripts and other sites.
/// </summary>
public sealed class AdminAccess(IOptions<WebOptions> options, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "pa_admin";

    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    private readonly IDataProtector protector = protection.CreateProtector("PartyAssistant.Admin.Session");

    public bool Enabled => options.Value.AdminEnabled;

    public bool Matches(string? token) => this.Enabled && WebhookSecret.Matches(options.Value.AdminToken!, token);

    public bool IsAuthorized(HttpContext http)
    {
        if (!this.Enabled)
        {
            return false;
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return this.Matches(header["Bearer ".Length..].Trim());
        }

        if (http.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return false;
        }

        try
        {
            var sealedFor = this.protector.Unprotect(cookie).Split('|');
            return sealedFor.Length == 2
                && sealedFor[1] == Fingerprint(options.Value.AdminToken!)
                && long.TryParse(sealedFor[0], System.Globalization.CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().ToUnixTimeSeconds() < expires;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void SignIn(HttpContext http)
    {
        var expires = clock.GetUtcNow().Add(SessionLength);
        var value = this.protector.Protect($"{expires.ToUnixTimeSeconds()}|{Fingerprint(options.Value.AdminToken!)}");
        http.Response.Cookies.Append(CookieName, value, Cookie(http, expires));
    }

    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, Cookie(http, null));

    private static CookieOptions Cookie(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/admin",
        Expires = expires,
    };

    // A changed token ends the sessions made with the old one.
    private static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("admin-session\n" + token)).AsSpan(0, 8));
}
