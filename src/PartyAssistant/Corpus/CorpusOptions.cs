namespace PartyAssistant.Corpus;

/// <summary>Where the documents are (section "Corpus").</summary>
public sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>The folder of corpus Markdown files. Empty: the nearest "corpus" folder at or above the working directory.</summary>
    public string Directory { get; set; } = string.Empty;

    public string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(this.Directory))
        {
            return Path.GetFullPath(this.Directory);
        }

        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath("corpus");
    }
}
