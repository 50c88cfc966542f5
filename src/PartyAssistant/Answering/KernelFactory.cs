using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace PartyAssistant.Answering;

/// <summary>
/// The one place that touches the model SDK: a kernel with the retrieval plugin, the offline
/// chat service (always, under the key "offline") and, when configured, an OpenAI-compatible or
/// Azure OpenAI chat service as the default.
/// </summary>
public static class KernelFactory
{
    public static Kernel Create(IServiceProvider services)
    {
        var model = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        var answering = services.GetRequiredService<IOptions<AnsweringOptions>>().Value;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        var offline = new OfflineChatCompletionService(new ExtractiveAnswerer(answering));
        builder.Services.AddKeyedSingleton<IChatCompletionService>(AnswerPipeline.OfflineServiceKey, offline);

        if (model.Problem() is { } problem)
        {
            throw new InvalidOperationException($"Cấu hình mô hình chưa đúng: {problem}");
        }

        if (model.IsConfigured)
        {
            // Our own HttpClient: the connector then leaves retries to us, and a slow model cannot hold a question for long.
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(answering.ModelTimeoutSeconds + 5) };
            var key = string.IsNullOrWhiteSpace(model.ApiKey) ? "not-needed" : model.ApiKey;
            if (model.Provider.Equals("azure-openai", StringComparison.OrdinalIgnoreCase))
            {
                builder.AddAzureOpenAIChatCompletion(model.Model, model.Endpoint, key, httpClient: http);
            }
            else if (string.IsNullOrWhiteSpace(model.Endpoint))
            {
                builder.AddOpenAIChatCompletion(model.Model, key, httpClient: http);
            }
            else
            {
                builder.AddOpenAIChatCompletion(model.Model, new Uri(model.Endpoint), key, httpClient: http);
            }

            builder.Services.AddSingleton<PromptExecutionSettings>(new OpenAIPromptExecutionSettings
            {
                Temperature = model.Temperature,
                MaxTokens = model.MaxTokens,
            });
        }
        else
        {
            builder.Services.AddSingleton<IChatCompletionService>(offline);
        }

        builder.Plugins.AddFromObject(services.GetRequiredService<RetrievalPlugin>(), RetrievalPlugin.PluginName);
        return builder.Build();
    }
}
