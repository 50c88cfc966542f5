using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PartyAssistant.Cli.Web;

/// <summary>
/// Reads a request's JSON body with the web door's own Vietnamese errors (the framework's binder would answer an
/// empty 400 or an English message): not JSON, malformed, empty, or over Web:MaxBodyBytes.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, long maxBytes)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, Results.Problem("Nội dung phải là JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Sai kiểu nội dung"));
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(options, http.RequestAborted) is { } value
                ? (value, null)
                : (null, ApiProblem.BadRequest("Thiếu nội dung JSON."));
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" (ở {path})" : string.Empty;
            return (null, ApiProblem.BadRequest($"Nội dung JSON không hợp lệ{where}: kiểm tra dấu ngoặc, dấu phẩy và kiểu của từng trường."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblem.TooLarge(maxBytes));
        }
    }
}
