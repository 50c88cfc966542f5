using System.Globalization;
using System.Text.RegularExpressions;
using PartyAssistant.Channels.Zalo;
using PartyAssistant.Fakes;
using PartyAssistant.Tests.Channels;
using Xunit.Abstractions;

namespace PartyAssistant.Tests.Hosting;

/// <summary>
/// kill -9 in the middle of a flood of Zalo OA events: after the restart every event is answered, and what is sent
/// twice is at most the one part each chat had in flight at the kill (a part is marked delivered right after Zalo takes it).
/// </summary>
public sealed partial class CrashDuplicatesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Users = 20;
    private const int QuestionsPerUser = 15;
    private const string Question = "Cấp ủy có phải tiếp dân định kỳ không?";
    private readonly TempDirectory data = new();
    private FakeZaloOaServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeZaloOaServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Corpus:Directory"] = TestPaths.Corpus,
        ["Storage:DataDirectory"] = this.data.Path,
        ["Zalo:Oa:AppId"] = "app-123",
        ["Zalo:Oa:SecretKey"] = ZaloTestHost.OaSecretKey,
        ["Zalo:Oa:AppSecret"] = "app-secret",
        ["Zalo:Oa:AccessToken"] = this.server.CurrentAccessToken,
        ["Zalo:Oa:RefreshToken"] = this.server.CurrentRefreshToken,
        ["Zalo:Oa:ApiBaseUrl"] = this.server.BaseUrl.ToString(),
        ["Zalo:Oa:OAuthBaseUrl"] = this.server.BaseUrl.ToString(),
        ["Zalo:Oa:QuestionsPerMinutePerUser"] = "1000",
    };

    [Fact]
    public async Task After_kill_9_in_a_flood_every_event_is_answered_and_only_parts_in_flight_are_repeated()
    {
        Uri endpoint;
        int partsPerAnswer;
        await using (var first = CliProcess.Start(this.data.Path, this.Settings(), "serve", "--urls", "http://127.0.0.1:0"))
        {
            await first.WaitForOutputAsync("Đang phục vụ tại", TimeSpan.FromSeconds(60));
            endpoint = new Uri(new Uri(Address().Match(first.Output).Value), ZaloOaWebhook.WebhookPath);

            // One answer first, to know how many messages an answer takes.
            await this.PostAsync(endpoint, "warm-up", 0);
            await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
            await Task.Delay(500);
            partsPerAnswer = this.server.SentMessages.Count;
            this.server.SendLatency = TimeSpan.FromMilliseconds(200); // each chat has a part on the wire most of the time

            await Parallel.ForEachAsync(Enumerable.Range(0, Users), async (u, _) =>
            {
                for (var k = 0; k < QuestionsPerUser; k++)
                {
                    await this.PostAsync(endpoint, $"user-{u}", k);
                }
            });

            // Mid-flood: some answers out, most not.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (this.server.SentMessages.Count < partsPerAnswer * Users * QuestionsPerUser / 4)
            {
                Assert.True(DateTime.UtcNow < deadline, "The flood was not being answered.");
                await Task.Delay(5);
            }

            first.Kill();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        var atKill = this.server.SentMessages.Count;
        await using var second = CliProcess.Start(this.data.Path, this.Settings(), "serve", "--urls", "http://127.0.0.1:0");
        await second.WaitForOutputAsync("Đang phục vụ tại", TimeSpan.FromSeconds(60));
        var expected = partsPerAnswer * ((Users * QuestionsPerUser) + 1);
        var wait = DateTime.UtcNow.AddSeconds(90);
        while (Enumerable.Range(0, Users).Any(u => this.server.SentMessages.Count(m => m.UserId == $"user-{u}") < partsPerAnswer * QuestionsPerUser))
        {
            Assert.True(DateTime.UtcNow < wait, $"Not every event was answered after the restart: {this.server.SentMessages.Count} of {expected} messages.");
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // late copies would arrive now
        var duplicates = this.server.SentMessages.Count - expected;
        output.WriteLine($"kill -9 after {atKill} of {expected} messages; duplicates after restart: {duplicates} (users: {Users}, parts per answer: {partsPerAnswer})");
        Assert.InRange(duplicates, 0, Users);
        second.Terminate();
        await second.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task PostAsync(Uri endpoint, string user, int k)
    {
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = FakeZaloOaServer.UserSendTextEvent("app-123", user, "oa-1", Question, $"m-{user}-{k}", stamp);
        var signature = FakeZaloOaServer.Sign("app-123", body, stamp.ToString(CultureInfo.InvariantCulture), ZaloTestHost.OaSecretKey);
        using var response = await this.server.PostSignedEventAsync(endpoint, body, signature);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
