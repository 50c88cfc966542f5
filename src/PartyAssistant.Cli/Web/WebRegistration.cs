using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Hosting;
using PartyAssistant.Office;

namespace PartyAssistant.Cli.Web;

/// <summary>The web door on the `serve` host: the page at /, the API under /api (with its OpenAPI document) and the office page /admin.</summary>
public static class WebRegistration
{
    public const string RatePolicy = "per-client";

    public static IServiceCollection AddPartyAssistantWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPartyAssistantOffice(configuration).AddPartyAssistantOutlines();
        services.AddSingleton<AdminAccess>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PartyAssistant";
            document.Info.Description = "Hỏi đáp có trích dẫn về văn bản của Đảng: câu trả lời, tìm kiếm, văn bản, nghĩa vụ theo vai trò, tài liệu tập huấn.";
            return Task.CompletedTask;
        }));

        // Vietnamese stays readable in the JSON, as in `ask --json`.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        var web = configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem($"Đồng chí gửi quá nhiều yêu cầu (tối đa {web.RequestsPerMinute} mỗi phút, Web:RequestsPerMinute); xin thử lại sau một phút.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu").ExecuteAsync(context.HttpContext);
            };

            // Per client address: one busy office does not slow another.
            limiter.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = web.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static void MapPartyAssistantWeb(this WebApplication app, WebOptions web)
    {
        ArgumentNullException.ThrowIfNull(web);
        app.UseWhen(IsWeb, branch => branch.Use((http, next) => RequestBodyLimit.RejectOversizedAsync(http, next, web.MaxBodyBytes, "Web:MaxBodyBytes")));

        // Routing itself refuses some requests with an empty body (a body that is not JSON: 415; a wrong method: 405):
        // on the web door those get a Vietnamese problem too.
        app.UseStatusCodePages(context => IsWeb(context.HttpContext) ? EmptyStatus(context.HttpContext) : Task.CompletedTask);
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapGet("/", (HttpContext http) => WebAssets.File(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/assets/{name}", (HttpContext http, string name) => WebAssets.File(http, name)).ExcludeFromDescription();
        app.MapApi(web.MaxBodyBytes);
        app.MapAdmin();
    }

    private static bool IsWeb(HttpContext http) => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/admin");

    private static Task EmptyStatus(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("Sai kiểu nội dung", "Nội dung phải là JSON (Content-Type: application/json)."),
            StatusCodes.Status405MethodNotAllowed => ("Sai phương thức", "Địa chỉ này không nhận phương thức " + http.Request.Method + "; xem /openapi/v1.json."),
            StatusCodes.Status404NotFound => ("Không tìm thấy", "Không có địa chỉ " + http.Request.Path + "; xem /openapi/v1.json."),
            _ => ("Yêu cầu không thực hiện được", $"Mã lỗi {status}."),
        };
        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
    }
}
