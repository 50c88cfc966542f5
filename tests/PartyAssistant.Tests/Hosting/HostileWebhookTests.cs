using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Fakes;
using PartyAssistant.Tests.Channels;

namespace PartyAssistant.Tests.Hosting;

/// <summary>Webhook bodies an attacker or a broken proxy sends: refused with a clear status, cheaply, never 500.</summary>
public sealed class HostileWebhookTests : IDisposable
{
    private const string TelegramSecret = "s3cret_token-OK";
    private readonly TempDirectory data = new();

    public void Dispose() => this.data.Dispose();

    private Dictionary<string, string?> Settings() => new()
    {
        ["Corpus:Directory"] = TestPaths.Corpus,
        ["Storage:DataDirectory"] = this.data.Path,
        ["Telegram:BotToken"] = "123456:TEST-TOKEN",
        ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9/",
        ["Telegram:WebhookSecret"] = TelegramSecret,
        ["Zalo:Oa:AppId"] = "app-123",
        ["Zalo:Oa:SecretKey"] = ZaloTestHost.OaSecretKey,
        ["Zalo:Oa:AccessToken"] = "access-1",
        ["Zalo:Oa:ApiBaseUrl"] = "http://127.0.0.1:9/",
        ["Zalo:Bot:Token"] = "12345:zalo-bot-token",
        ["Zalo:Bot:ApiBaseUrl"] = "http://127.0.0.1:9/",
        ["Zalo:Bot:WebhookSecret"] = ZaloTestHost.BotSecret,
    };

    [Fact]
    public async Task A_signed_zalo_event_that_is_not_utf8_and_a_telegram_update_with_an_impossible_date_get_400()
    {
        await using var app = ServeCommand.Build(new ConfigurationBuilder().AddInMemoryCollection(this.Settings()).Build(), "http://127.0.0.1:0");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // Bytes C3 28 are not UTF-8; the signature is over the bytes as sent (decoded as Latin-1 they keep their values).
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var text = FakeZaloOaServer.UserSendTextEvent("app-123", "user-1", "oa-1", "XX", "m-bad", now);
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)'X');
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28);
        var signature = FakeZaloOaServer.Sign("app-123", Encoding.Latin1.GetString(bytes), now.ToString(System.Globalization.CultureInfo.InvariantCulture), ZaloTestHost.OaSecretKey);
        using var zalo = new HttpRequestMessage(HttpMethod.Post, ZaloOaWebhook.WebhookPath) { Content = new ByteArrayContent(bytes) };
        zalo.Headers.Add(ZaloSignature.Header, signature);
        using var zaloResponse = await http.SendAsync(zalo);
        Assert.Equal(HttpStatusCode.BadRequest, zaloResponse.StatusCode);
        Assert.Contains("UTF-8", await zaloResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var telegram = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram")
        {
            Content = new StringContent("""{"update_id":5,"message":{"message_id":1,"date":99999999999999,"chat":{"id":1,"type":"private"},"text":"hi"}}""", Encoding.UTF8, "application/json"),
        };
        telegram.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramSecret);
        using var telegramResponse = await http.SendAsync(telegram);
        Assert.Equal(HttpStatusCode.BadRequest, telegramResponse.StatusCode);
    }

    [Fact]
    public async Task Big_unsigned_posts_are_refused_before_they_take_memory()
    {
        // A real process, so its peak memory is its own: 16 unsigned 25 MB posts to each Zalo webhook, streamed without a length.
        await using var serve = CliProcess.Start(this.data.Path, this.Settings(), "serve", "--urls", "http://127.0.0.1:0");
        await serve.WaitForOutputAsync("Đang phục vụ tại", TimeSpan.FromSeconds(60));
        var address = System.Text.RegularExpressions.Regex.Match(serve.Output, @"http://127\.0\.0\.1:\d+").Value;
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { ZaloOaWebhook.WebhookPath, ZaloBot.WebhookPath })
        {
            for (var i = 0; i < 16; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(new RepeatingStream(chunk, 25)) };
                request.Headers.TransferEncodingChunked = true;
                if (path == ZaloOaWebhook.WebhookPath)
                {
                    request.Headers.Add(ZaloSignature.Header, "mac=" + new string('0', 64)); // a signature that cannot match
                }

                try
                {
                    using var response = await http.SendAsync(request);
                    statuses.Add(response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    statuses.Add(HttpStatusCode.RequestEntityTooLarge); // the server closed the connection after refusing
                }
            }
        }

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.RequestEntityTooLarge, $"status {s}"));
        var peak = PeakResidentMegabytes(serve.ProcessId);
        Assert.True(peak < 300, $"serve peaked at {peak} MB");
    }

    private static long PeakResidentMegabytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;

    /// <summary>The same buffer <paramref name="times"/> over, read as one stream: 25 MB without holding 25 MB.</summary>
    private sealed class RepeatingStream(byte[] chunk, int times) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => (long)chunk.Length * times;

        public override long Position { get => this.position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var left = this.Length - this.position;
            if (left <= 0)
            {
                return 0;
            }

            var n = (int)Math.Min(Math.Min(count, left), chunk.Length - (this.position % chunk.Length));
            Array.Copy(chunk, this.position % chunk.Length, buffer, offset, n);
            this.position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
