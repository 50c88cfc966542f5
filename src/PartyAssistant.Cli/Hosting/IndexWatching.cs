using Microsoft.Extensions.Hosting;
using PartyAssistant.Search;

namespace PartyAssistant.Cli.Hosting;

/// <summary>A document ingested while the host runs is picked up without a restart.</summary>
public sealed class IndexWatching(SearchIndexProvider index) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => index.WatchAsync(stoppingToken);
}
