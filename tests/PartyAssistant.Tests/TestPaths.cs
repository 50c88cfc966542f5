namespace PartyAssistant.Tests;

/// <summary>The repository's shipped files, and ../shared beside the checkout (as CI lays it out).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Corpus => Path.Combine(RepoRoot, "corpus");

    public static string Seed => Path.Combine(RepoRoot, "seeds", "000_20b97f4eb48a5b20.txt");

    public static string DevQuestions => Shared("eval", "dev-questions.jsonl");

    public static string ScopeQuestions => Shared("eval", "scope-questions.jsonl");

    private static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", .. parts]));
        return File.Exists(path) ? path : throw new FileNotFoundException($"The question set is expected beside the checkout at {path}.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartyAssistant.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("PartyAssistant.sln not found above the test binaries.");
    }
}

/// <summary>A temporary folder removed when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(this.Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pa-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A copy of the shipped corpus, for tests that change it.</summary>
    public string CopyCorpus()
    {
        var target = System.IO.Path.Combine(this.Path, "corpus");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(TestPaths.Corpus, "*.md"))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(this.Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS temp cleaner takes what is left.
        }
    }
}
