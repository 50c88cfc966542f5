using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Storage;

namespace PartyAssistant.Tests.Hosting;

/// <summary>A damaged database is moved aside and recreated, and the loss is named — never silently recreated.</summary>
public sealed class DatabaseRepairTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => this.data.Dispose();

    private string DatabasePath => Path.Combine(this.data.Path, "partyassistant.db");

    private ApplicationDatabase Database() => new(Options.Create(new StorageOptions { DataDirectory = this.data.Path }));

    private async Task SeedAsync()
    {
        var inbox = new InboxStore(this.Database(), TimeProvider.System);
        Assert.True(await inbox.TryAddAsync("zalo-oa", "m-pending", "{}", CancellationToken.None));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_zeroed_database_is_moved_aside_recreated_and_named_on_health_ready()
    {
        await this.SeedAsync();
        var length = new FileInfo(this.DatabasePath).Length;
        await File.WriteAllBytesAsync(this.DatabasePath, new byte[Math.Max(length, 4096)]);
        File.Delete(this.DatabasePath + "-wal");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = this.data.Path,
        }).Build();
        await using var app = ServeCommand.Build(configuration, "http://127.0.0.1:0");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var ready = await http.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("ready", body, StringComparison.Ordinal);
        Assert.Contains("Cơ sở dữ liệu hỏng", body, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(this.data.Path, "partyassistant.db.damaged-*"), f => !f.EndsWith("-shm", StringComparison.Ordinal) && !f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Equal(Math.Max(length, 4096), new FileInfo(aside).Length);
        Assert.Empty(await new InboxStore(this.Database(), TimeProvider.System).PendingAsync("zalo-oa", CancellationToken.None));
    }

    [Fact]
    public async Task A_database_emptied_from_outside_is_reported_as_lost()
    {
        await this.SeedAsync();
        File.Delete(this.DatabasePath + "-wal");
        await File.WriteAllBytesAsync(this.DatabasePath, []);

        var database = this.Database();
        Assert.Empty(await new InboxStore(database, TimeProvider.System).PendingAsync("zalo-oa", CancellationToken.None));
        Assert.Contains("xoá hoặc làm rỗng", database.RecoveryNotice, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_healthy_database_has_no_notice_and_the_data_folder_is_its_owners_only()
    {
        await this.SeedAsync();
        var database = this.Database();
        Assert.Single(await new InboxStore(database, TimeProvider.System).PendingAsync("zalo-oa", CancellationToken.None));
        Assert.Null(database.RecoveryNotice);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(this.data.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(this.DatabasePath));
    }
}
