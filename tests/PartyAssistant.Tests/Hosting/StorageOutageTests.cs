using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Fakes;
using PartyAssistant.Tests.Channels;

namespace PartyAssistant.Tests.Hosting;

/// <summary>
/// A webhook says 200 only once the event is stored: with the database locked by another writer it says 503
/// with Retry-After, readiness says why, and the event Telegram sends again is answered once the lock clears.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const long User = 5151;
    private readonly TempDirectory data = new();
    private FakeTelegramServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    [Fact]
    public async Task A_locked_database_gets_503_and_the_event_sent_again_is_answered_once_the_lock_clears()
    {
        var settings = TelegramTestBot.Settings(this.server, this.data.Path, new Dictionary<string, string?> { ["Storage:BusyTimeoutSeconds"] = "0.5" });
        await using var app = ServeCommand.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "http://127.0.0.1:0");
        await app.StartAsync();
        var baseAddress = new Uri(app.Urls.First());
        var endpoint = new Uri(baseAddress, "/webhooks/telegram");
        using var http = new HttpClient { BaseAddress = baseAddress };
        using (var warm = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode); // the database exists and the index is open
        }

        var update = this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");
        await using (var locker = new SqliteConnection($"Data Source={Path.Combine(this.data.Path, "partyassistant.db")}"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }

            using var refused = await this.server.DeliverToWebhookAsync(endpoint, update, "s3cret_token-OK");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.DoesNotContain("   at ", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("Cơ sở dữ liệu", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Empty(this.server.SentMessages);
        using var accepted = await this.server.DeliverToWebhookAsync(endpoint, update, "s3cret_token-OK");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var answer = Assert.Single(this.server.SentMessages, m => m.ChatId == User);
        Assert.Contains("[1]", answer.PlainText, StringComparison.Ordinal);
    }
}
