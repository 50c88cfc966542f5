using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Hosting;

/// <summary>A bad setting stops a long-running command at start, with a Vietnamese message naming the key.</summary>
public sealed class HostSettingsTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => this.data.Dispose();

    [Theory]
    [InlineData("telegram", "Hosting:ShutdownGraceSeconds", "30", "Hosting:ShutdownGraceSeconds")]
    [InlineData("zalo-bot", "Channels:MaxPartsPerAnswer", "1", "Channels:MaxPartsPerAnswer")]
    [InlineData("telegram", "Webhooks:MaxBodyBytes", "10", "Webhooks:MaxBodyBytes")]
    [InlineData("telegram", "Web:QuestionRetentionDays", "0", "Web:QuestionRetentionDays")]
    [InlineData("serve", "Web:AdminToken", "too-short", "Web:AdminToken")]
    [InlineData("serve", "Web:RequestsPerMinute", "0", "Web:RequestsPerMinute")]
    public async Task A_bad_setting_stops_the_host_at_start_naming_the_key(string command, string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456:TEST-TOKEN",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9/",
            ["Zalo:Bot:Token"] = "12345:zalo-bot-token",
            ["Zalo:Bot:ApiBaseUrl"] = "http://127.0.0.1:9/",
            [key] = value,
        };

        // `serve` on a port the OS picks: a refused start must not depend on 8080 being free.
        string[] args = command == "serve" ? [command, "--urls", "http://127.0.0.1:0"] : [command];
        var result = await CliRunner.RunWithSettingsAsync(TestPaths.Corpus, this.data.Path, settings, args).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(named, result.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("phải", result.Diagnostics, StringComparison.Ordinal);
    }
}
