namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Spellings the issue and trainers use that Spectre.Console.Cli cannot declare: a long option must
/// have two letters or more, so `quiz --n 20` is read as `quiz --count 20`.
/// </summary>
public static class ArgumentAliases
{
    public static string[] Apply(string[] args)
    {
        if (args.Length == 0 || args[0] != "quiz")
        {
            return args;
        }

        return args.Select(a => a switch
        {
            "--n" => "--count",
            _ when a.StartsWith("--n=", StringComparison.Ordinal) => "--count=" + a[4..],
            _ => a,
        }).ToArray();
    }
}
