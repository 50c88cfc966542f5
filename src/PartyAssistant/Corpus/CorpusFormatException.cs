namespace PartyAssistant.Corpus;

/// <summary>A corpus file that cannot be read, with the line to look at.</summary>
public sealed class CorpusFormatException(string file, int line, string problem)
    : Exception($"{Path.GetFileName(file)}, dòng {line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
