using System.Reflection;

namespace PartyAssistant.Answering;

/// <summary>The prompts, kept as text files beside the code (Answering/Prompts) and embedded in the assembly.</summary>
public static class PromptLibrary
{
    /// <summary>The exact line a model must answer when the passages do not hold the answer.</summary>
    public const string NotFoundToken = "KHÔNG_TÌM_THẤY";

    public static string AnswerSystem { get; } = Load("answer-system.txt").Replace("{{NOT_FOUND}}", NotFoundToken, StringComparison.Ordinal);

    public static string AnswerUser { get; } = Load("answer-user.txt");

    public static string RewriteFollowUp { get; } = Load("rewrite-followup.txt");

    private static string Load(string name)
    {
        var assembly = typeof(PromptLibrary).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
