using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using PartyAssistant.Cli.Commands;

namespace PartyAssistant.Tests.Hosting;

/// <summary>The web host's answers to requests it cannot serve: clear statuses, ProblemDetails, never 500 for bad input.</summary>
public sealed class WebHostTests : IDisposable
{
    private const string Secret = "s3cret_token-OK";
    private readonly TempDirectory data = new();

    public void Dispose() => this.data.Dispose();

    private async Task<(Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http)> StartAsync(string dataDirectory, bool telegram = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = dataDirectory,
        };
        if (telegram)
        {
            // Never called: the body is refused before any update is read.
            settings["Telegram:BotToken"] = "123456:TEST-TOKEN";
            settings["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9/";
            settings["Telegram:WebhookSecret"] = Secret;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = ServeCommand.Build(configuration, "http://127.0.0.1:0");
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    [Theory]
    [InlineData("/webhooks/telegram")]
    [InlineData("/webhooks/zalo-oa")]
    [InlineData("/webhooks/zalo-bot")]
    public async Task A_channel_that_is_not_configured_answers_404_with_problem_details(string path)
    {
        var (app, http) = await this.StartAsync(this.data.Path);
        await using var _ = app;
        using var __ = http;

        using var response = await http.PostAsync(path, new StringContent("{\"update_id\":1}", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chưa được cấu hình", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_a_megabyte_is_refused_with_413_declared_or_streamed()
    {
        var (app, http) = await this.StartAsync(this.data.Path, telegram: true);
        await using var _ = app;
        using var __ = http;
        var big = new string('a', (int)new PartyAssistant.Channels.WebhookOptions().MaxBodyBytes + 10);

        using var declared = await http.PostAsync("/webhooks/telegram", new StringContent(big, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

        // No Content-Length: Kestrel counts while the body is read. The server may close the connection while the client
        // is still sending the tail, which the client sees as a broken response: tried again a few times.
        HttpResponseMessage? chunked = null;
        for (var attempt = 0; chunked is null && attempt < 5; attempt++)
        {
            var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = streamed };
            request.Headers.TransferEncodingChunked = true;
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            try
            {
                chunked = await http.SendAsync(request);
            }
            catch (HttpRequestException)
            {
            }
        }

        Assert.NotNull(chunked);
        using (chunked)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
            Assert.DoesNotContain("   at ", await chunked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ready_when_the_index_opens_and_the_database_takes_a_write()
    {
        var (app, http) = await this.StartAsync(this.data.Path);
        await using var _ = app;
        using var __ = http;

        Assert.Equal("ok", await http.GetStringAsync("/health"));
        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Not_ready_when_the_data_directory_cannot_be_written()
    {
        // A file where the data directory should be: neither the index nor the database can be made there.
        var blocked = Path.Combine(this.data.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocked, "x");
        var (app, http) = await this.StartAsync(Path.Combine(blocked, "data"));
        await using var _ = app;
        using var __ = http;

        using var ready = await http.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Cơ sở dữ liệu không ghi được", body, StringComparison.Ordinal);
        Assert.Equal("ok", await http.GetStringAsync("/health"));
    }
}
