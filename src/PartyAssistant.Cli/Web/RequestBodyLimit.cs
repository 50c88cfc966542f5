using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PartyAssistant.Cli.Web;

/// <summary>
/// A cap on request bodies for one part of the host (the webhooks, the web door): a declared length over it is refused at
/// once, a streamed body once it passes it; either gets 413 with a Vietnamese ProblemDetails naming the setting, and any
/// other malformed body 400, instead of an empty reply.
/// </summary>
public static class RequestBodyLimit
{
    public static async Task RejectOversizedAsync(HttpContext http, Func<Task> next, long maxBytes, string setting)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            await ApiProblem.TooLarge(maxBytes, setting).ExecuteAsync(http);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        try
        {
            await next();
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            await (e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiProblem.TooLarge(maxBytes, setting)
                : Results.Problem("Yêu cầu không hợp lệ.", statusCode: e.StatusCode)).ExecuteAsync(http);
        }
    }
}
