namespace PartyAssistant.Corpus;

/// <summary>Where the documents are (section "Corpus").</summary>
public sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>The folder of corpus Markdown files. Empty: the nearest "corpus" folder at or above the working directory.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>
    /// How often (seconds) the bots and the web host look for a changed corpus or a newer index
    /// built by another process (such as `ingest`), and switch to it. 0 turns reloading off.
    /// </summary>
    public int ReloadCheckSeconds { get; set; } = 5;

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

    /// <summary>Why no corpus folder can be used, and how to set one; null when the folder is there.</summary>
    public string? Problem()
    {
        var resolved = this.Resolve();
        if (System.IO.Directory.Exists(resolved))
        {
            return null;
        }

        const string HowToSet = "biến môi trường Corpus__Directory=/đường/dẫn/corpus, hoặc \"Corpus\": { \"Directory\": \"/đường/dẫn/corpus\" } trong appsettings.json ở thư mục đang đứng";
        return string.IsNullOrWhiteSpace(this.Directory)
            ? $"Không tìm thấy thư mục corpus: không có thư mục \"corpus\" nào ở {System.IO.Directory.GetCurrentDirectory()} hay các thư mục cha. Chạy lệnh trong thư mục dự án, hoặc đặt Corpus:Directory ({HowToSet})."
            : $"Corpus:Directory là \"{this.Directory}\" nhưng không có thư mục {resolved}. Sửa Corpus:Directory ({HowToSet}).";
    }
}
