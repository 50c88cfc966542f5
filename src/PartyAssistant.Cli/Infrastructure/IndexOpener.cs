using PartyAssistant.Search;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Opens the shared index for a command (the answer pipeline searches the same one), telling the
/// user on stderr when it had to be built first. The provider owns it: commands do not dispose it.
/// </summary>
public sealed class IndexOpener(SearchIndexProvider provider, CliOutput output)
{
    public async Task<OpenedIndex> OpenAsync(CancellationToken cancellationToken)
    {
        var opened = await provider.GetAsync(cancellationToken);
        if (opened.Rebuilt)
        {
            output.Status($"Đã dựng chỉ mục: {opened.Manifest.Documents} văn bản, {opened.Manifest.Passages} đoạn.");
            foreach (var error in opened.Manifest.Errors)
            {
                output.Status($"Bỏ qua tệp lỗi: {error}");
            }
        }

        return opened;
    }

    /// <summary>
    /// Runs a long-polling bot until Ctrl+C with the index kept current: a document ingested while
    /// it runs is picked up without a restart. <paramref name="prepare"/> is called once the index
    /// is open and before the bot is announced, so a missing token is reported first.
    /// </summary>
    public async Task<int> RunBotAsync(string name, Func<Func<CancellationToken, Task>> prepare, CancellationToken cancellationToken)
    {
        await this.OpenAsync(cancellationToken);
        var run = prepare();
        output.Status($"Bot {name} đang chạy (long polling). Nhấn Ctrl+C để dừng.");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = provider.WatchAsync(stop.Token);
        try
        {
            await run(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return output.Fail(e.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }

        output.Status($"Đã dừng bot {name}.");
        return 0;
    }
}
