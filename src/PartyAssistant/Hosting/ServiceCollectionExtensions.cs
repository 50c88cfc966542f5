using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Storage;

namespace PartyAssistant.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>The corpus, its index and search, with options bound from configuration.</summary>
    public static IServiceCollection AddPartyAssistantSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.SectionName));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName));
        services.AddSingleton<CorpusLoader>();
        services.AddSingleton<CorpusIndex>();
        return services;
    }
}
