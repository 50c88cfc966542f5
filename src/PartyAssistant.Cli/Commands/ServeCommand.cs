using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Hosting;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Cli.Web;
using PartyAssistant.Hosting;
using PartyAssistant.Office;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The web host: the web page, the API and the office page (Web/), the bots' webhook endpoints and a health check, on ASP.NET Core's own server.</summary>
public sealed class ServeCommand(IConfiguration configuration, CliOutput output) : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <địa-chỉ>")]
        [Description("Địa chỉ lắng nghe, ví dụ http://127.0.0.1:8080 (mặc định).")]
        public string Urls { get; init; } = "http://127.0.0.1:8080";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var app = Build(configuration, settings.Urls);
        await app.StartAsync(cancellationToken);
        output.Status($"Đang phục vụ tại {string.Join(", ", app.Urls)} — trang hỏi đáp: /, API: /api (mô tả: /openapi/v1.json), trang quản trị: /admin, webhook Telegram: {TelegramSetup.WebhookPath}. Nhấn Ctrl+C để dừng.");

        // The host's lifetime owns SIGTERM and SIGINT; the command's own token (Ctrl+C) stops it the same way.
        // Stopping waits for answers in hand up to Hosting:ShutdownGraceSeconds, then leaves the rest in the inbox.
        await app.WaitForShutdownAsync(cancellationToken);
        output.Status("Đã dừng.");
        return 0;
    }

    /// <summary>The web application, also started by the tests on a loopback port.</summary>
    public static WebApplication Build(IConfiguration configuration, string urls)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddConfiguration(configuration);
        var limits = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        var web = configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();

        // Kestrel counts the body as it streams in: past the cap the request fails with 413 before more is buffered.
        builder.WebHost.UseKestrelCore().UseUrls(urls).ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddPartyAssistantHost(configuration, new HostedChannels(ChannelAvailability.All));
        builder.Services.AddHostedService<WebhookRegistration>();
        builder.Services.AddPartyAssistantWeb(configuration);
        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/webhooks"), webhooks => webhooks.Use((http, next) => RequestBodyLimit.RejectOversizedAsync(http, next, limits.MaxBodyBytes, "Webhooks:MaxBodyBytes")));
        app.MapPartyAssistantWeb(web);

        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/health/ready", async (Readiness readiness, CancellationToken cancellationToken) =>
            await readiness.ProblemsAsync(cancellationToken) is { Count: > 0 } problems
                ? Results.Problem(string.Join(" ", problems), statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chưa sẵn sàng")
                : Results.Text(string.Join("\n", ["ready", .. readiness.Notices.Select(n => $"Lưu ý: {n}")])));

        app.MapPost(TelegramSetup.WebhookPath, async (HttpContext http) =>
            !ChannelAvailability.Telegram(http.RequestServices) ? NotConfigured("Telegram")
            : Status(http, await http.RequestServices.GetRequiredService<TelegramWebhook>().HandleAsync(
                http.Request.Headers[TelegramWebhook.SecretHeader].FirstOrDefault(), http.Request.Body, http.RequestAborted)));

        app.MapPost(ZaloOaWebhook.WebhookPath, async (HttpContext http) =>
        {
            if (!ChannelAvailability.ZaloOa(http.RequestServices))
            {
                return NotConfigured("Zalo OA");
            }

            // The signature covers the body, so it is read first, within the cap; a missing signature is refused before that.
            var signature = http.Request.Headers[ZaloSignature.Header].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(signature))
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            return await ReadBodyAsync(http) is not { } body
                ? NotUtf8()
                : Status(http, (await http.RequestServices.GetRequiredService<ZaloOaWebhook>().HandleAsync(signature, body, http.RequestAborted)).Status);
        });
        app.MapPost(ZaloBot.WebhookPath, async (HttpContext http) =>
        {
            if (!ChannelAvailability.ZaloBot(http.RequestServices))
            {
                return NotConfigured("Zalo Bot");
            }

            // The secret is a header: checked before a byte of the body is read.
            var bot = http.RequestServices.GetRequiredService<ZaloBot>();
            var secret = http.Request.Headers[ZaloBot.SecretHeader].FirstOrDefault();
            if (!bot.IsAuthorized(secret))
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            return await ReadBodyAsync(http) is not { } body
                ? NotUtf8()
                : Status(http, (await bot.HandleWebhookAsync(secret, body, http.RequestAborted)).Status);
        });
        return app;
    }


    // An event that could not be stored is the platform's to send again: 503 with a hint of when.
    private static IResult Status(HttpContext http, int status)
    {
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
            return Results.Problem("Máy chủ tạm thời chưa lưu được sự kiện; xin gửi lại sau.", statusCode: status, title: "Tạm thời không nhận");
        }

        return Results.StatusCode(status);
    }

    private static IResult NotConfigured(string channel) =>
        Results.Problem($"Kênh {channel} chưa được cấu hình trên máy chủ này.", statusCode: StatusCodes.Status404NotFound, title: "Không có kênh này");

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The signature covers the raw body, byte for byte: read it as sent, and refuse bytes that are not UTF-8 rather than
    // replace them (which would change what was signed). Null for such a body.
    private static async Task<string?> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, StrictUtf8);
        try
        {
            return await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static IResult NotUtf8() =>
        Results.Problem("Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ.", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ");
}
