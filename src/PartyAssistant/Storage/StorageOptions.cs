namespace PartyAssistant.Storage;

/// <summary>Where the application keeps what it builds and learns (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data directory: the search index, and later the conversation store. Relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";
}
