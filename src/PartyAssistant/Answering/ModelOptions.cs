namespace PartyAssistant.Answering;

/// <summary>
/// The chat model (section "Model"). With no provider, answers are made offline from the
/// passages themselves. The key comes from the environment (Model__ApiKey) or user secrets.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>"" (offline), "openai" (OpenAI or any OpenAI-compatible server: Ollama, vLLM, LM Studio) or "azure-openai".</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>Base URL. OpenAI: empty for api.openai.com; Ollama: http://localhost:11434/v1; Azure: https://NAME.openai.azure.com/.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Model name (OpenAI-compatible) or deployment name (Azure OpenAI).</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>API key. Never put it in a committed file. Local servers usually accept any value.</summary>
    public string ApiKey { get; set; } = string.Empty;

    public double Temperature { get; set; } = 0.1;

    public int MaxTokens { get; set; } = 700;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(this.Provider);

    /// <summary>Null when the settings can be used, otherwise what is wrong, in Vietnamese.</summary>
    public string? Problem() => this.Provider.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "openai" when string.IsNullOrWhiteSpace(this.Model) => "Thiếu Model:Model (tên mô hình).",
        "openai" when string.IsNullOrWhiteSpace(this.Endpoint) && string.IsNullOrWhiteSpace(this.ApiKey) => "Dùng OpenAI cần Model:ApiKey (đặt qua biến môi trường Model__ApiKey).",
        "openai" => null,
        "azure-openai" when string.IsNullOrWhiteSpace(this.Endpoint) || string.IsNullOrWhiteSpace(this.Model) || string.IsNullOrWhiteSpace(this.ApiKey)
            => "Azure OpenAI cần Model:Endpoint, Model:Model (tên deployment) và Model:ApiKey.",
        "azure-openai" => null,
        var other => $"Model:Provider \"{other}\" không được hỗ trợ (dùng openai hoặc azure-openai).",
    };
}
