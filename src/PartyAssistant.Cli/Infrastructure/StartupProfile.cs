using System.Runtime;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// .NET's multi-core JIT: each command records which methods its start compiled, and the next run of that command compiles
/// them on the other cores while the first one works. A cold `ingest` spends most of a second compiling the PDF reader, a
/// cold `ask` the search; recorded once per command, in the user's local application data (nothing when that is not writable).
/// </summary>
internal static class StartupProfile
{
    public static void Start(string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-')) is { } first && first.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? first : "none";
        try
        {
            var root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "PartyAssistant", "jit");
            Directory.CreateDirectory(root);
            ProfileOptimization.SetProfileRoot(root);
            ProfileOptimization.StartProfile(command + ".jitprofile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // Only a faster start is lost.
        }
    }
}
