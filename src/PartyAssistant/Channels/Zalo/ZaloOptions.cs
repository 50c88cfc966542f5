namespace PartyAssistant.Channels.Zalo;

/// <summary>A Zalo Official Account (section "Zalo:Oa"). Keys and tokens come from the environment (Zalo__Oa__SecretKey …) or user secrets.</summary>
public sealed class ZaloOaOptions
{
    public const string SectionName = "Zalo:Oa";

    public string AppId { get; set; } = string.Empty;

    /// <summary>The OA secret key that signs webhook events (not the app secret).</summary>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>The app secret, sent as secret_key when refreshing tokens.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>The first access token; once refreshed, the stored one takes precedence.</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>The first refresh token (single use, rotated at every refresh); once refreshed, the stored one takes precedence.</summary>
    public string RefreshToken { get; set; } = string.Empty;

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Questions one user may ask per minute before a polite "please wait".</summary>
    public int QuestionsPerMinutePerUser { get; set; } = 6;
}

/// <summary>A bot on the Zalo Bot Platform (section "Zalo:Bot"). The token comes from the environment (Zalo__Bot__Token) or user secrets.</summary>
public sealed class ZaloBotOptions
{
    public const string SectionName = "Zalo:Bot";

    public string Token { get; set; } = string.Empty;

    public string ApiBaseUrl { get; set; } = "https://bot-api.zaloplatforms.com";

    /// <summary>Public HTTPS base address of the web host for webhook mode; empty: no webhook is set.</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>Secret (8–256 characters) the platform sends back in X-Bot-Api-Secret-Token. Required for webhooks.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Long-polling wait, in seconds.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    public int QuestionsPerMinutePerUser { get; set; } = 6;
}
