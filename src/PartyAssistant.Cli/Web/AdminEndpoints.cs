using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PartyAssistant.Office;

namespace PartyAssistant.Cli.Web;

/// <summary>
/// The office page /admin: 404 while Web:AdminToken is unset; otherwise the login form (401) until the token is
/// presented, then the report (questions over time, the gap report, 👎 answers, most cited passages) and the CSV export.
/// </summary>
public static partial class AdminEndpoints
{
    public const int ReportRows = 50;

    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").ExcludeFromDescription();

        admin.MapGet("", (HttpContext http, AdminAccess access) =>
            !access.Enabled ? ApiProblem.AdminClosed()
            : access.IsAuthorized(http) ? WebAssets.File(http, "admin.html")
            : LoginPage(http, failed: false));

        // Rate-limited like the API: guessing the token costs a minute per few tries.
        admin.MapPost("/login", async (HttpContext http, AdminAccess access, ILogger<AdminAccess> logger) =>
        {
            if (!access.Enabled)
            {
                return ApiProblem.AdminClosed();
            }

            if (!http.Request.HasFormContentType)
            {
                return ApiProblem.BadRequest("Gửi mã quản trị bằng biểu mẫu đăng nhập ở /admin.");
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!access.Matches(form["token"].ToString()))
            {
                LogLoginRefused(logger, http.Connection.RemoteIpAddress?.ToString() ?? "?");
                return LoginPage(http, failed: true);
            }

            access.SignIn(http);
            LogSignedIn(logger, http.Connection.RemoteIpAddress?.ToString() ?? "?");
            return Results.Redirect("/admin", permanent: false, preserveMethod: false);
        }).RequireRateLimiting(WebRegistration.RatePolicy).DisableAntiforgery();

        admin.MapPost("/logout", (HttpContext http) =>
        {
            AdminAccess.SignOut(http);
            return Results.Redirect("/admin");
        }).DisableAntiforgery();

        var closed = admin.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var access = context.HttpContext.RequestServices.GetService(typeof(AdminAccess)) as AdminAccess;
            return access is not { Enabled: true } ? ApiProblem.AdminClosed()
                : !access.IsAuthorized(context.HttpContext) ? ApiProblem.Unauthorized()
                : await next(context);
        });

        closed.MapGet("/api/report", async (OfficeReport report, CancellationToken cancellationToken) => Results.Ok(await report.BuildAsync(ReportRows, cancellationToken)));

        // A byte-order mark first: spreadsheet programs then read the Vietnamese as UTF-8.
        closed.MapGet("/export.csv", async (OfficeReport report, CancellationToken cancellationToken) =>
            Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(await report.CsvAsync(cancellationToken))).ToArray(),
                "text/csv; charset=utf-8", "cau-hoi.csv"));

        admin.MapGet("/{name}", (HttpContext http, string name, AdminAccess access) =>
            !access.Enabled ? ApiProblem.AdminClosed() : name is "admin.js" or "admin.css" ? WebAssets.File(http, name) : ApiProblem.NotFound($"Không có trang \"{name}\"."));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Đăng nhập trang quản trị bị từ chối (sai mã) từ {Address}")]
    private static partial void LogLoginRefused(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã đăng nhập trang quản trị từ {Address}")]
    private static partial void LogSignedIn(ILogger logger, string address);

    private static IResult LoginPage(HttpContext http, bool failed)
    {
        var page = WebAssets.Text("login.html");
        if (failed)
        {
            page = page.Replace("<p id=\"login-error\" role=\"alert\" hidden>", "<p id=\"login-error\" role=\"alert\">", StringComparison.Ordinal);
        }

        return WebAssets.Page(http, page, "text/html; charset=utf-8", StatusCodes.Status401Unauthorized);
    }
}
