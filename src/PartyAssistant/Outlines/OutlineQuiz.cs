using PartyAssistant.Corpus;

namespace PartyAssistant.Outlines;

/// <summary>The short quiz at the end of the session.</summary>
public sealed class OutlineQuiz
{
    public const int Questions = 5;

    public IReadOnlyList<OutlineQuizItem> For(CorpusLoadResult corpus, CorpusDocument document) => [];
}
