using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using PartyAssistant.Cli.Commands;

namespace PartyAssistant.Tests.Web;

/// <summary>The real `serve` host on 127.0.0.1 with a port the OS picks, over the shipped corpus and a fresh data folder.</summary>
internal sealed class WebTestHost : IAsyncDisposable
{
    public const string AdminToken = "office-token-0123456789";

    private readonly TempDirectory data = new();

    private WebTestHost()
    {
    }

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri Address => this.Http.BaseAddress!;

    public string DataDirectory => this.data.Path;

    public static async Task<WebTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = new WebTestHost();
        var all = new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = host.data.Path,
            ["Web:AdminToken"] = AdminToken,
            ["Web:RequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        host.App = ServeCommand.Build(new ConfigurationBuilder().AddInMemoryCollection(all).Build(), "http://127.0.0.1:0");
        await host.App.StartAsync();
        host.Http = new HttpClient { BaseAddress = new Uri(host.App.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
        return host;
    }

    public async Task<JsonElement> AskAsync(string question, string? conversation = null)
    {
        using var response = await this.Http.PostAsJsonAsync("/api/ask", new { question, conversation_id = conversation });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        this.Http?.Dispose();
        if (this.App is not null)
        {
            await this.App.StopAsync();
            await this.App.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        this.data.Dispose();
    }
}

/// <summary>One host shared by a test class: starting it builds the index once.</summary>
public sealed class WebHostFixture : IAsyncLifetime
{
    internal WebTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => this.Host = await WebTestHost.StartAsync();

    public async Task DisposeAsync() => await this.Host.DisposeAsync();
}
