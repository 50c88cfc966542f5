using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Channels.Zalo;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using PartyAssistant.Conversations;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Storage;

namespace PartyAssistant.Hosting;

public static partial class ServiceCollectionExtensions
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
        services.TryAddSingleton<Obligations.ObligationBook>();
        services.TryAddSingleton<Documents.PassageLookup>();
        services.TryAddSingleton<Documents.DocumentListing>();
        return services;
    }

    /// <summary>Reading official texts into the corpus (the `ingest` command). Needs <see cref="AddPartyAssistantSearch"/>.</summary>
    public static IServiceCollection AddPartyAssistantIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Ingestion.IngestionOptions>().Bind(configuration.GetSection(Ingestion.IngestionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Ingestion.IngestionOptions>, Ingestion.IngestionOptionsValidator>());

        // Resolving the limits validates them: `ingest` refuses a bad setting before it reads a file.
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Ingestion.IngestionOptions>>().Value);
        services.AddOptions<Ingestion.OcrOptions>().Bind(configuration.GetSection(Ingestion.OcrOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Ingestion.OcrOptions>, Ingestion.OcrOptionsValidator>());
        services.TryAddSingleton(sp => new Ingestion.DocumentTextExtractors(
            sp.GetRequiredService<Ingestion.IngestionOptions>(), sp.GetRequiredService<IOptions<Ingestion.OcrOptions>>().Value));
        services.TryAddSingleton<Ingestion.DocumentIngester>();
        return services;
    }

    /// <summary>Quizzes for trainers: the generator (offline, reproducible). Needs <see cref="AddPartyAssistantSearch"/> for the corpus.</summary>
    public static IServiceCollection AddPartyAssistantQuizzes(this IServiceCollection services)
    {
        services.TryAddSingleton<Quizzes.QuizGenerator>();
        return services;
    }

    /// <summary>What every bot shares: the stores, the document replies, quizzes and the assistant itself.</summary>
    private const string TelegramHttpClient = "telegram";
    private const string ZaloOaHttpClient = "zalo-oa";
    private const string ZaloBotHttpClient = "zalo-bot";

    // The channel clients live as long as the host: connections are renewed so a changed DNS entry is followed.
    private static SocketsHttpHandler LongLivedHandler() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>A call bounded by <paramref name="attempt"/>; no automatic retry of a POST, which could send a message twice.</summary>
    private static void Bounded(HttpStandardResilienceOptions options, TimeSpan attempt)
    {
        options.Retry.DisableForUnsafeHttpMethods();
        options.AttemptTimeout.Timeout = attempt;
        options.TotalRequestTimeout.Timeout = attempt + TimeSpan.FromSeconds(10);
        options.CircuitBreaker.SamplingDuration = 2 * attempt + TimeSpan.FromSeconds(10);
    }

    private static IServiceCollection AddPartyAssistantChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.SectionName))
            .Validate(o => o.ShutdownGraceSeconds is >= 1 and <= 9, "Hosting:ShutdownGraceSeconds phải từ 1 đến 9 giây (systemd và docker dừng hẳn sau 10 giây).")
            .ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .Validate(o => o.DeliveryMaxAgeHours > 0 && o.DeliveryRetrySeconds > 0, "Channels:DeliveryMaxAgeHours và Channels:DeliveryRetrySeconds phải lớn hơn 0.")
            .Validate(o => o.MaxPartsPerAnswer >= 2, "Channels:MaxPartsPerAnswer phải từ 2 trở lên.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => o.MaxBodyBytes is >= 4 * 1024 and <= 16 * 1024 * 1024, "Webhooks:MaxBodyBytes phải từ 4096 đến 16777216 byte.")
            .Validate(o => o.EventWindowMinutes is > 0 and <= 7 * 24 * 60, "Webhooks:EventWindowMinutes phải lớn hơn 0 và không quá 10080 phút (7 ngày, thời gian giữ dấu sự kiện đã xử lý).")
            .ValidateOnStart();
        services.AddPartyAssistantQuizzes();
        services.AddPartyAssistantOffice(configuration);

        // Tokens the bots store are encrypted with keys kept beside the data, in a folder only the service's user reads.
        var keys = Path.Combine(Path.GetFullPath(configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.DataDirectory ?? new StorageOptions().DataDirectory), "keys");
        services.AddDataProtection().SetApplicationName("PartyAssistant").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.TryAddSingleton<InboxStore>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<ChannelStateStore>();
        services.TryAddSingleton<AnswerStore>();
        services.TryAddSingleton<ChannelHousekeeping>();
        services.TryAddSingleton<ChannelDispatcher>();
        services.TryAddSingleton<BotDocuments>();
        services.TryAddSingleton<QuizSessionStore>();
        services.TryAddSingleton<ChatQuiz>();
        services.TryAddSingleton<ChatAssistant>();
        return services;
    }

    /// <summary>Cited answers: the Semantic Kernel pipeline, the offline answerer, the model if configured, and conversations.</summary>
    public static IServiceCollection AddPartyAssistantAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPartyAssistantSearch(configuration);
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.SectionName))
            .Validate(o => o.RelatedFocusCoverage > 0 && o.RelatedFocusCoverage <= o.MinFocusCoverage && o.MinFocusCoverage <= 1,
                "Answering:RelatedFocusCoverage và Answering:MinFocusCoverage phải thoả 0 < RelatedFocusCoverage ≤ MinFocusCoverage ≤ 1.")
            .Validate(o => o.Passages >= 1 && o.CandidatePassages >= 1 && o.MaxSentences >= 1 && o.RelatedSentences >= 1,
                "Answering:Passages, Answering:CandidatePassages, Answering:MaxSentences và Answering:RelatedSentences phải từ 1 trở lên.")
            .Validate(o => o.MaxAnswerChars >= 500, "Answering:MaxAnswerChars phải từ 500 ký tự trở lên.")
            .ValidateOnStart();
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName));
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApplicationDatabase>();
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<RetrievalPlugin>();
        services.AddSingleton<FollowUpRewriter>();
        services.AddSingleton(sp => new EvidenceJudge(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value));
        services.AddSingleton(KernelFactory.Create);
        services.AddSingleton<AnswerPipeline>();
        return services;
    }

    /// <summary>The Telegram bot: client, update handling, polling and webhook. Needs <see cref="AddPartyAssistantAnswering"/>.</summary>
    public static IServiceCollection AddPartyAssistantTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPartyAssistantChannels(configuration);
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.SectionName));

        // No resilience handler here: Telegram.Bot turns transport errors into its own exceptions, and the outbox paces 429s itself.
        services.AddHttpClient(TelegramHttpClient).ConfigurePrimaryHttpMessageHandler(LongLivedHandler);
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var token = options.ResolveToken();
            if (!TokenPattern().IsMatch(token))
            {
                throw new InvalidOperationException("Chưa có token Telegram hợp lệ: đặt biến môi trường TELEGRAM_BOT_TOKEN (hoặc Telegram__BotToken) bằng token BotFather cấp, dạng 123456:ABC….");
            }

            var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl.Trim();

            // 429s are waited out by the outbox, which knows the chat's pacing; the library must not retry on its own.
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramHttpClient);
            http.Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds + 30);
            return new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = 0 }, http);
        });
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<TelegramOutbox>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramUpdateProcessor>();
        services.AddKeyedSingleton<IChannelEventHandler>(TelegramUpdateHandler.Channel, (sp, _) => sp.GetRequiredService<TelegramUpdateProcessor>());
        services.AddSingleton<TelegramPolling>();
        services.AddSingleton<TelegramWebhook>();
        return services;
    }

    /// <summary>Zalo: the Official Account webhook and the Bot Platform bot. Needs <see cref="AddPartyAssistantAnswering"/>.</summary>
    public static IServiceCollection AddPartyAssistantZalo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPartyAssistantChannels(configuration);
        services.AddOptions<ZaloOaOptions>().Bind(configuration.GetSection(ZaloOaOptions.SectionName));
        services.AddOptions<ZaloBotOptions>().Bind(configuration.GetSection(ZaloBotOptions.SectionName));
        // Every Zalo call is a POST that may not be sent twice: the resilience handler bounds each call and stops calling a
        // dead API for a while (circuit breaker); the clients' own loops decide what is retried.
        services.AddHttpClient(ZaloOaHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(LongLivedHandler)
            .AddStandardResilienceHandler(o => Bounded(o, TimeSpan.FromSeconds(30)));
        services.AddSingleton(sp => new ZaloOaTokens(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ZaloOaHttpClient), sp.GetRequiredService<ChannelStateStore>(),
            sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<IOptions<ZaloOaOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ZaloOaTokens>>()));
        services.AddSingleton(sp => new ZaloOaClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ZaloOaHttpClient), sp.GetRequiredService<ZaloOaTokens>(),
            sp.GetRequiredService<IOptions<ZaloOaOptions>>(), sp.GetRequiredService<ILogger<ZaloOaClient>>()));
        services.AddSingleton<ZaloOaEvents>();
        services.AddKeyedSingleton<IChannelEventHandler>(ZaloOaEvents.Channel, (sp, _) => sp.GetRequiredService<ZaloOaEvents>());
        services.AddSingleton<ZaloOaWebhook>();
        // A long poll waits up to 50 s for an update: each call is allowed that and a margin.
        services.AddHttpClient(ZaloBotHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(LongLivedHandler)
            .AddStandardResilienceHandler(o => Bounded(o, TimeSpan.FromSeconds(80)));
        services.AddSingleton(sp => new ZaloBotClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ZaloBotHttpClient), sp.GetRequiredService<IOptions<ZaloBotOptions>>()));
        services.AddSingleton<ZaloBotEvents>();
        services.AddKeyedSingleton<IChannelEventHandler>(ZaloBotEvents.Channel, (sp, _) => sp.GetRequiredService<ZaloBotEvents>());
        services.AddSingleton<ZaloBot>();
        return services;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial System.Text.RegularExpressions.Regex TokenPattern();
}
