namespace PartyAssistant.Storage;

/// <summary>Where the application keeps what it builds and learns (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data directory: the search index, and later the conversation store. Relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// How long a write waits for another writer's lock before giving up. A webhook then answers 503, so the
    /// platform sends the event again, rather than keeping the platform waiting past its own timeout.
    /// </summary>
    public double BusyTimeoutSeconds { get; set; } = 5;
}
