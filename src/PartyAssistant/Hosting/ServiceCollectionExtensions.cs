using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyAssistant.Answering;
using PartyAssistant.Conversations;
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
        services.AddSingleton<SearchIndexProvider>();
        return services;
    }

    /// <summary>Cited answers: the Semantic Kernel pipeline, the offline answerer, the model if configured, and conversations.</summary>
    public static IServiceCollection AddPartyAssistantAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPartyAssistantSearch(configuration);
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.SectionName));
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName));
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApplicationDatabase>();
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<RetrievalPlugin>();
        services.AddSingleton<FollowUpRewriter>();
        services.AddSingleton(KernelFactory.Create);
        services.AddSingleton<AnswerPipeline>();
        return services;
    }
}
