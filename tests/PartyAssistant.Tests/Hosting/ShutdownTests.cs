using System.Text.RegularExpressions;
using PartyAssistant.Fakes;
using PartyAssistant.Tests.Channels;

namespace PartyAssistant.Tests.Hosting;

/// <summary>
/// The long-running commands as a service manager runs them: real processes, stopped with SIGTERM. Each
/// exits 0 well inside the 10 s systemd and docker allow, and an answer cut short is sent after the next start.
/// </summary>
public sealed partial class ShutdownTests : IAsyncLifetime
{
    private const long User = 4242;
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);
    private readonly TempDirectory data = new();
    private FakeTelegramServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    [Fact]
    public async Task Serve_stops_on_SIGTERM_with_an_answer_in_flight_and_sends_it_after_the_next_start()
    {
        var settings = TelegramTestBot.Settings(this.server, this.data.Path, new Dictionary<string, string?> { ["Hosting:ShutdownGraceSeconds"] = "2" });

        // The first answer's sendMessage hangs, as over a dead link: it is in flight when the stop comes.
        using var hang = new ManualResetEventSlim();
        var sends = 0;
        this.server.Interceptor = (method, _) =>
        {
            if (method == "sendMessage" && Interlocked.Increment(ref sends) == 1)
            {
                hang.Wait(TimeSpan.FromSeconds(30));
                return FakeTelegramReply.Error(502, "Bad Gateway");
            }

            return null;
        };

        await using (var first = CliProcess.Start(this.data.Path, settings, "serve", "--urls", "http://127.0.0.1:0"))
        {
            var endpoint = await EndpointAsync(first);
            var update = this.server.PushMessage(User, User, "Chi bộ ấp có đông đảng viên thì tổ chức sinh hoạt thế nào?");
            using var accepted = await this.server.DeliverToWebhookAsync(endpoint, update, "s3cret_token-OK");
            Assert.Equal(200, (int)accepted.StatusCode);
            await WaitAsync(() => Volatile.Read(ref sends) >= 1, TimeSpan.FromSeconds(30), "the answer to be sent");

            first.Terminate();
            var took = await first.WaitForExitAsync(StopLimit);
            Assert.True(took is not null, $"serve did not exit within {StopLimit} of SIGTERM:\n{first.Output}");
            Assert.Equal(0, first.ExitCode);
        }

        hang.Set();
        Assert.Empty(this.server.SentMessages);

        await using var second = CliProcess.Start(this.data.Path, settings, "serve", "--urls", "http://127.0.0.1:0");
        await EndpointAsync(second);
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy would come now
        var answers = this.server.SentMessages.Where(m => m.ChatId == User).ToList();
        Assert.NotEmpty(answers);
        Assert.Equal(answers.Count, answers.Select(m => m.Text).Distinct().Count());
        Assert.Contains("[1]", answers[0].PlainText, StringComparison.Ordinal);

        second.Terminate();
        Assert.NotNull(await second.WaitForExitAsync(StopLimit));
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public async Task The_telegram_bot_stops_on_SIGTERM_with_an_answer_in_flight_and_sends_it_after_the_next_start()
    {
        var settings = TelegramTestBot.Settings(this.server, this.data.Path, new Dictionary<string, string?> { ["Hosting:ShutdownGraceSeconds"] = "2" });
        using var hang = new ManualResetEventSlim();
        var sends = 0;
        this.server.Interceptor = (method, _) =>
        {
            if (method == "sendMessage" && Interlocked.Increment(ref sends) == 1)
            {
                hang.Wait(TimeSpan.FromSeconds(30));
                return FakeTelegramReply.Error(502, "Bad Gateway");
            }

            return null;
        };

        await using (var bot = CliProcess.Start(this.data.Path, settings, "telegram"))
        {
            await bot.WaitForOutputAsync("long polling", TimeSpan.FromSeconds(60));
            this.server.PushMessage(User, User, "Đảng viên đang công tác phải làm gì ở nơi cư trú?");
            await WaitAsync(() => Volatile.Read(ref sends) >= 1, TimeSpan.FromSeconds(30), "the answer to be sent");

            bot.Terminate();
            var took = await bot.WaitForExitAsync(StopLimit);
            Assert.True(took is not null, $"telegram did not exit within {StopLimit} of SIGTERM:\n{bot.Output}");
            Assert.Equal(0, bot.ExitCode);
            Assert.Contains("Đã dừng bot", bot.Output, StringComparison.Ordinal);
        }

        hang.Set();
        Assert.Empty(this.server.SentMessages);

        await using var second = CliProcess.Start(this.data.Path, settings, "telegram");
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy would come now
        var answers = this.server.SentMessages.Where(m => m.ChatId == User).ToList();
        Assert.NotEmpty(answers);
        Assert.Equal(answers.Count, answers.Select(m => m.Text).Distinct().Count());
        Assert.Contains("[1]", answers[0].PlainText, StringComparison.Ordinal);

        second.Terminate();
        Assert.NotNull(await second.WaitForExitAsync(StopLimit));
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public async Task The_zalo_bot_stops_on_SIGTERM_with_an_answer_waiting_and_sends_it_once_after_the_next_start()
    {
        await using var zalo = await FakeZaloBotServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = this.data.Path,
            ["Zalo:Bot:Token"] = zalo.Token,
            ["Zalo:Bot:ApiBaseUrl"] = zalo.BaseUrl.ToString(),
            ["Zalo:Bot:PollTimeoutSeconds"] = "30",
            ["Hosting:ShutdownGraceSeconds"] = "2",
        };

        // The platform fails every send: the answer waits for its retry when the stop comes, in the middle of a long poll.
        zalo.FailNext("sendMessage", 1000, 500, "Internal Server Error");
        await using (var bot = CliProcess.Start(this.data.Path, settings, "zalo-bot"))
        {
            await bot.WaitForOutputAsync("long polling", TimeSpan.FromSeconds(60));
            zalo.PushText("chat-1", "user-1", "Chi bộ ấp có đông đảng viên thì tổ chức sinh hoạt thế nào?");
            await WaitAsync(() => zalo.Calls.Contains("sendMessage"), TimeSpan.FromSeconds(30), "the answer to be tried");

            bot.Terminate();
            var took = await bot.WaitForExitAsync(StopLimit);
            Assert.True(took is not null, $"zalo-bot did not exit within {StopLimit} of SIGTERM:\n{bot.Output}");
            Assert.Equal(0, bot.ExitCode);
        }

        Assert.Empty(zalo.SentMessages);
        zalo.ClearFaults();
        await using var second = CliProcess.Start(this.data.Path, settings, "zalo-bot");
        await zalo.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy would come now
        var sent = Assert.Single(zalo.SentMessages);
        Assert.Contains("[1]", sent.Text, StringComparison.Ordinal);

        second.Terminate();
        Assert.NotNull(await second.WaitForExitAsync(StopLimit));
        Assert.Equal(0, second.ExitCode);
    }

    private static async Task<Uri> EndpointAsync(CliProcess serve)
    {
        await serve.WaitForOutputAsync("Đang phục vụ tại", TimeSpan.FromSeconds(60));
        return new Uri(new Uri(Address().Match(serve.Output).Value), "/webhooks/telegram");
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {timeout} for {what}.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
