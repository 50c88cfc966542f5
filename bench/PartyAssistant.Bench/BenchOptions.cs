using System.Globalization;
using System.Reflection;
using PartyAssistant.Search;

namespace PartyAssistant.Bench;

/// <summary>One sweep axis: a SearchOptions property and the values it takes.</summary>
public sealed record SweepAxis(string Name, IReadOnlyList<float> Values);

/// <summary>The command line, with every path resolved.</summary>
public sealed record BenchOptions(
    string RepoRoot,
    string AlqacDirectory,
    string CorpusDirectory,
    string DevQuestionsFile,
    string ScopeQuestionsFile,
    string? JsonFile,
    string? MissesFile,
    bool Sweep,
    bool SweepOnly,
    IReadOnlyList<SweepAxis> SweepAxes,
    int Searches,
    int Asks,
    bool SkipAlqac,
    bool SkipIngest,
    bool SkipTelegram,
    int TelegramUsers,
    int TelegramQuestions,
    bool SkipZalo,
    int ZaloUsers,
    int ZaloQuestions,
    bool TitleAsHeading,
    SearchOptions Search)
{
    public const string Usage = """
        dotnet run -c Release --project bench/PartyAssistant.Bench [-- options]
        dotnet run -c Release --project bench/PartyAssistant.Bench -- --scale 1000,10000,100000 [--alqac DIR]

          --alqac DIR          ALQAC data (default: shared/benchmarks/alqac beside the repo)
          --corpus DIR         shipped corpus (default: <repo>/corpus)
          --dev FILE           questions timed on the shipped corpus (default: shared/eval/dev-questions.jsonl)
          --scope FILE         questions in and out of the corpus's scope, for answer trust (default: shared/eval/scope-questions.jsonl)
          --json FILE          also write every figure as JSON
          --misses FILE        write the questions PartyAssistant does not rank first (JSON lines)
          --searches N         timed searches per latency figure (default 2000)
          --asks N             timed offline asks (AnswerPipeline.AskAsync) on the shipped corpus (default 1000)
          --skip-alqac         no ALQAC retrieval, builds or targets: the shipped corpus and answers only
          --skip-ingest        no ingestion run (a generated PDF of 250 articles, ~120 pages, ingested into copies of the corpus)
          --skip-telegram      no Telegram load run (the bot against a fake Bot API server with Telegram's flood limit)
          --tg-users N         Telegram load: private chats, one user each (default 200)
          --tg-questions N     Telegram load: questions each user sends at once (default 5)
          --skip-zalo          no Zalo OA load run (signed events posted to the web host's webhook, answers to a fake OA API)
          --zalo-users N       Zalo OA load: users, 50 posting at a time (default 200)
          --zalo-questions N   Zalo OA load: events each user posts one after another (default 5)
          --set NAME=VALUE     override a SearchOptions property (repeatable), e.g. --set K1=1.5
          --no-article-heading ALQAC passages without the article title as heading
          --sweep              after the benchmark, sweep SearchOptions on ALQAC (R@1)
          --sweep-only         the sweep alone
          --axis NAME=V1,V2,.. replace the sweep grid by these axes (repeatable), e.g. --axis HeadingWeight=0,0.2,0.5
        """;

    public static readonly IReadOnlyList<SweepAxis> DefaultAxes =
    [
        new("K1", [0.9f, 1.2f, 1.5f]),
        new("B", [0.5f, 0.75f, 0.9f]),
        new("BigramWeight", [0.5f, 1f, 1.5f]),
        new("SentenceWeight", [0f, 0.5f, 1f]),
        new("FoldedWeightWhenAccented", [0f, 0.3f]),
    ];

    public static BenchOptions Parse(string[] args)
    {
        string? alqac = null, corpus = null, dev = null, scope = null, json = null, misses = null;
        bool sweep = false, sweepOnly = false, skipAlqac = false, skipIngest = false, skipTelegram = false, skipZalo = false, titleAsHeading = true;
        int searches = 2000, asks = 1000, tgUsers = 200, tgQuestions = 5, zaloUsers = 200, zaloQuestions = 5;
        var search = new SearchOptions();
        var axes = new List<SweepAxis>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n\n{Usage}");
            switch (args[i])
            {
                case "--alqac": alqac = Value(); break;
                case "--corpus": corpus = Value(); break;
                case "--dev": dev = Value(); break;
                case "--scope": scope = Value(); break;
                case "--json": json = Value(); break;
                case "--misses": misses = Value(); break;
                case "--searches": searches = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--asks": asks = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--skip-alqac": skipAlqac = true; break;
                case "--skip-ingest": skipIngest = true; break;
                case "--skip-telegram": skipTelegram = true; break;
                case "--tg-users": tgUsers = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--tg-questions": tgQuestions = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--skip-zalo": skipZalo = true; break;
                case "--zalo-users": zaloUsers = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--zalo-questions": zaloQuestions = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--set": Set(search, Value()); break;
                case "--no-article-heading": titleAsHeading = false; break;
                case "--sweep": sweep = true; break;
                case "--sweep-only": sweep = sweepOnly = true; break;
                case "--axis": axes.Add(ParseAxis(Value())); break;
                case "-h" or "--help": throw new ArgumentException(Usage);
                default: throw new ArgumentException($"Unknown option {args[i]}.\n\n{Usage}");
            }
        }

        if (skipAlqac && (sweep || misses is not null))
        {
            throw new ArgumentException("--skip-alqac cannot be combined with --sweep, --sweep-only or --misses: they need ALQAC.");
        }

        if (searches < 1 || asks < 1)
        {
            throw new ArgumentException("--searches and --asks must be at least 1.");
        }

        if (tgUsers < 1 || tgQuestions < 1)
        {
            throw new ArgumentException("--tg-users and --tg-questions must be at least 1.");
        }

        if (zaloUsers < 1 || zaloQuestions < 1)
        {
            throw new ArgumentException("--zalo-users and --zalo-questions must be at least 1.");
        }

        var root = FindRepoRoot();
        var shared = FindShared(root);
        return new BenchOptions(
            root,
            Path.GetFullPath(alqac ?? Path.Combine(shared ?? root, "benchmarks", "alqac")),
            Path.GetFullPath(corpus ?? Path.Combine(root, "corpus")),
            Path.GetFullPath(dev ?? Path.Combine(shared ?? root, "eval", "dev-questions.jsonl")),
            Path.GetFullPath(scope ?? Path.Combine(shared ?? root, "eval", "scope-questions.jsonl")),
            json is null ? null : Path.GetFullPath(json),
            misses is null ? null : Path.GetFullPath(misses),
            sweep,
            sweepOnly,
            axes.Count > 0 ? axes : DefaultAxes,
            searches,
            asks,
            skipAlqac,
            skipIngest,
            skipTelegram,
            tgUsers,
            tgQuestions,
            skipZalo,
            zaloUsers,
            zaloQuestions,
            titleAsHeading,
            search);
    }

    /// <summary>A fresh SearchOptions with every property of <paramref name="source"/>.</summary>
    public static SearchOptions Copy(SearchOptions source)
    {
        var copy = new SearchOptions();
        foreach (var property in Settable())
        {
            property.SetValue(copy, property.GetValue(source));
        }

        return copy;
    }

    /// <summary>Every numeric SearchOptions property and its value, for the report.</summary>
    public static SortedDictionary<string, double> Describe(SearchOptions options) =>
        new(Settable().ToDictionary(p => p.Name, p => Convert.ToDouble(p.GetValue(options), CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    public static void Set(SearchOptions options, string name, float value)
    {
        var property = Settable().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"SearchOptions has no numeric property {name}.");
        property.SetValue(options, property.PropertyType == typeof(int) ? (object)(int)value : value);
    }

    private static void Set(SearchOptions options, string assignment)
    {
        var parts = assignment.Split('=', 2);
        if (parts.Length != 2)
        {
            throw new ArgumentException($"--set expects NAME=VALUE, got \"{assignment}\".");
        }

        Set(options, parts[0].Trim(), float.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static SweepAxis ParseAxis(string text)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2)
        {
            throw new ArgumentException($"--axis expects NAME=V1,V2,..., got \"{text}\".");
        }

        var name = Settable().FirstOrDefault(p => string.Equals(p.Name, parts[0].Trim(), StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new ArgumentException($"SearchOptions has no numeric property {parts[0]}.");
        return new SweepAxis(name, parts[1].Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToList());
    }

    private static IEnumerable<PropertyInfo> Settable() => typeof(SearchOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && (p.PropertyType == typeof(float) || p.PropertyType == typeof(int)));

    /// <summary>The folder holding PartyAssistant.sln, searched upwards from the working directory, then from the program.</summary>
    public static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PartyAssistant.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("PartyAssistant.sln not found above the working directory; run from inside the repository.");
    }

    /// <summary>The nearest "shared" folder beside the repo root or one of its parents.</summary>
    public static string? FindShared(string repoRoot)
    {
        for (var dir = new DirectoryInfo(repoRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
