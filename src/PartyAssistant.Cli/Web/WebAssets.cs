using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace PartyAssistant.Cli.Web;

/// <summary>The page's static files, embedded in the assembly (Web/Assets): nothing to deploy beside the binary, no CDN.</summary>
public static class WebAssets
{
    private static readonly Assembly Assembly = typeof(WebAssets).Assembly;

    // Scripts and styles come from this host only; nothing inline, nothing framed.
    private const string Policy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static bool Exists(string name) => Assembly.GetManifestResourceInfo("web/" + name) is not null;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    // Read once: the files are part of the binary and never change while it runs.
    public static string Text(string name) => Texts.GetOrAdd(name, static name =>
    {
        using var stream = Assembly.GetManifestResourceStream("web/" + name) ?? throw new FileNotFoundException(name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>An embedded file with its media type, or 404 for a name not shipped.</summary>
    public static IResult File(HttpContext http, string name, int status = StatusCodes.Status200OK)
    {
        if (name.Contains('/', StringComparison.Ordinal) || !Exists(name))
        {
            return ApiProblem.NotFound($"Không có tệp \"{name}\".");
        }

        return Page(http, Text(name), ContentType(name), status);
    }

    public static IResult Page(HttpContext http, string content, string contentType, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Text(content, contentType, System.Text.Encoding.UTF8, status);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
