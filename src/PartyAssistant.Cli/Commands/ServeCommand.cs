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
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Hosting;
using Spectre.Console.Cli;
using Telegram.Bot;

namespace PartyAssistant.Cli.Commands;

/// <summary>The web host: the bots' webhook endpoints and a health check, on ASP.NET Core's own server.</summary>
public sealed class ServeCommand(IConfiguration configuration, CliOutput output) : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Địa chỉ lắng nghe, ví dụ http://127.0.0.1:8080 (mặc định).")]
        public string Urls { get; init; } = "http://127.0.0.1:8080";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var app = Build(configuration, settings.Urls);
        await app.StartAsync(cancellationToken);
        output.Status($"Đang phục vụ tại {string.Join(", ", app.Urls)} — webhook Telegram: {TelegramSetup.WebhookPath}. Nhấn Ctrl+C để dừng.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>The web application, also started by the tests on a loopback port.</summary>
    public static WebApplication Build(IConfiguration configuration, string urls)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        builder.Services.AddPartyAssistantAnswering(configuration).AddPartyAssistantTelegram(configuration).AddPartyAssistantZalo(configuration);
        var app = builder.Build();

        app.MapGet("/health", () => Results.Text("ok"));
        app.MapPost(TelegramSetup.WebhookPath, async (HttpContext http, TelegramWebhook webhook) =>
            Results.StatusCode(await webhook.HandleAsync(http.Request.Headers[TelegramWebhook.SecretHeader].FirstOrDefault(), http.Request.Body, http.RequestAborted)));

        app.MapPost(ZaloOaWebhook.WebhookPath, async (HttpContext http, ZaloOaWebhook webhook) =>
            Results.StatusCode((await webhook.HandleAsync(http.Request.Headers[ZaloSignature.Header].FirstOrDefault(), await ReadBodyAsync(http), http.RequestAborted)).Status));
        app.MapPost(ZaloBot.WebhookPath, async (HttpContext http, ZaloBot bot) =>
            Results.StatusCode((await bot.HandleWebhookAsync(http.Request.Headers[ZaloBot.SecretHeader].FirstOrDefault(), await ReadBodyAsync(http), http.RequestAborted)).Status));

        app.Lifetime.ApplicationStarted.Register(() => _ = ResumeAsync(app.Services, app.Lifetime.ApplicationStopping));

        // A document ingested while the host runs is picked up without a restart.
        app.Lifetime.ApplicationStarted.Register(() => _ = app.Services.GetRequiredService<PartyAssistant.Search.SearchIndexProvider>().WatchAsync(app.Lifetime.ApplicationStopping));
        return app;
    }

    /// <summary>At start: old records pruned, each configured channel's unfinished events replayed, webhooks set.</summary>
    private static async Task ResumeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<ServeCommand>>();
        try
        {
            await services.GetRequiredService<ChannelStore>().PruneAsync(cancellationToken);
            if (!string.IsNullOrEmpty(services.GetRequiredService<IOptions<TelegramOptions>>().Value.ResolveToken()))
            {
                await services.GetRequiredService<TelegramWebhook>().ResumeAsync(cancellationToken);
                await SetWebhookAsync(services, cancellationToken);
            }

            await services.GetRequiredService<ZaloOaWebhook>().ResumeAsync(cancellationToken);
            await services.GetRequiredService<ZaloBot>().ResumeAsync(cancellationToken);
            await SetZaloBotWebhookAsync(services, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Lỗi khi khôi phục các sự kiện chưa xử lý");
        }
    }

    // The signature covers the raw body, byte for byte: read it as sent.
    private static async Task<string> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }

    /// <summary>Tells the Zalo Bot Platform where to deliver, when a public address is configured.</summary>
    private static async Task SetZaloBotWebhookAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<ZaloBotOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<ServeCommand>>();
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return;
        }

        if (!ZaloBot.IsValidSecret(options.WebhookSecret))
        {
            logger.LogError("Zalo:Bot:WebhookSecret phải dài 8–256 ký tự; chưa đặt webhook Zalo Bot.");
            return;
        }

        try
        {
            await services.GetRequiredService<ZaloBotClient>().SetWebhookAsync(options.WebhookUrl.TrimEnd('/') + ZaloBot.WebhookPath, options.WebhookSecret, cancellationToken);
            logger.LogInformation("Đã đặt webhook Zalo Bot: {Url}", options.WebhookUrl.TrimEnd('/') + ZaloBot.WebhookPath);
        }
        catch (Exception e) when (e is InvalidOperationException or ZaloApiException or HttpRequestException or OperationCanceledException)
        {
            logger.LogError("Không đặt được webhook Zalo Bot: {Error}", e.Message);
        }
    }

    /// <summary>Tells Telegram where to deliver, when a public address is configured.</summary>
    private static async Task SetWebhookAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<ServeCommand>>();
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return;
        }

        if (!TelegramSetup.IsValidSecret(options.WebhookSecret))
        {
            logger.LogError("Telegram:WebhookSecret phải có 1–256 ký tự A–Z, a–z, 0–9, _ hoặc -; chưa đặt webhook.");
            return;
        }

        try
        {
            var bot = services.GetRequiredService<ITelegramBotClient>();
            await TelegramSetup.SetWebhookAsync(bot, options, cancellationToken);
            await TelegramSetup.RegisterCommandsAsync(bot, cancellationToken);
            logger.LogInformation("Đã đặt webhook Telegram: {Url}", options.WebhookUrl.TrimEnd('/') + TelegramSetup.WebhookPath);
        }
        catch (Exception e) when (e is InvalidOperationException or Telegram.Bot.Exceptions.RequestException or HttpRequestException or OperationCanceledException)
        {
            logger.LogError("Không đặt được webhook Telegram: {Error}", e.Message);
        }
    }
}
