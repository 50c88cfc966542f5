using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyAssistant.Outlines;

namespace PartyAssistant.Hosting;

public static partial class ServiceCollectionExtensions
{
    /// <summary>Session outlines for trainers (offline; they read the corpus, not the index).</summary>
    public static IServiceCollection AddPartyAssistantOutlines(this IServiceCollection services)
    {
        services.AddPartyAssistantQuizzes();
        services.TryAddSingleton<OutlineQuiz>();
        services.TryAddSingleton<OutlineBuilder>();
        services.TryAddSingleton<Training.TrainerMaterials>();
        return services;
    }
}
