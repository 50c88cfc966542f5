using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Office;

namespace PartyAssistant.Hosting;

public static partial class ServiceCollectionExtensions
{
    /// <summary>The question log every answering door writes to, and the office's reports over it. Needs <see cref="AddPartyAssistantAnswering"/>.</summary>
    public static IServiceCollection AddPartyAssistantOffice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebOptions>, WebOptionsValidator>());
        services.TryAddSingleton<ChannelStateStore>();
        services.TryAddSingleton<AnswerStore>();
        services.TryAddSingleton<UserHasher>();
        services.TryAddSingleton<QuestionLog>();
        services.TryAddSingleton<OfficeReport>();
        services.TryAddSingleton<RecordedAnswers>();
        return services;
    }
}
