using PartyAssistant.Text;

namespace PartyAssistant.Bench;

/// <summary>Recall at 1/5/10 and MRR@10 over one question set; a question hits at k when any gold article is in its top k.</summary>
public sealed record RetrievalScores(int Questions, double R1, double R5, double R10, double Mrr10);

/// <summary>One row of the retrieval table: which system, which year, questions as written or without diacritics.</summary>
public sealed record RetrievalRun(string System, string Year, string Questions, RetrievalScores Scores);

/// <summary>How one question fared: rank of its first gold article (0: not in the top 10) and the top passages.</summary>
public sealed record QuestionOutcome(string Id, string Question, IReadOnlyList<string> Gold, int Rank, IReadOnlyList<string> Top);

public static class RetrievalBenchmark
{
    public const int Depth = 10;

    public const string Accented = "accented";
    public const string Folded = "no-diacritics";

    /// <summary>The question as a user who types without diacritics would write it (đ→d, lower case).</summary>
    public static string Prepare(string question, bool fold) => fold ? VietnameseText.Fold(question) : question;

    /// <summary>
    /// Runs every question (in parallel: the searchers are thread-safe) and scores the ranked passage ids.
    /// <paramref name="search"/> returns passage ids, best first.
    /// </summary>
    public static RetrievalScores Evaluate(IReadOnlyList<AlqacQuestion> questions, bool fold, Func<string, IReadOnlyList<string>> search) =>
        Score(Outcomes(questions, fold, search).Select(o => o.Rank).ToList());

    /// <summary>Every question's outcome, in question order.</summary>
    public static QuestionOutcome[] Outcomes(IReadOnlyList<AlqacQuestion> questions, bool fold, Func<string, IReadOnlyList<string>> search)
    {
        var outcomes = new QuestionOutcome[questions.Count];
        Parallel.For(0, questions.Count, i =>
        {
            var question = questions[i];
            var text = Prepare(question.Text, fold);
            var ranked = search(text);
            outcomes[i] = new QuestionOutcome(question.Id, text, question.GoldPassageIds, FirstGoldRank(ranked, question.GoldPassageIds), ranked);
        });
        return outcomes;
    }

    /// <summary>1-based rank of the first gold passage within the top <see cref="Depth"/>, 0 when none is there.</summary>
    public static int FirstGoldRank(IReadOnlyList<string> ranked, IReadOnlyList<string> gold)
    {
        for (var i = 0; i < Math.Min(ranked.Count, Depth); i++)
        {
            if (gold.Contains(ranked[i], StringComparer.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public static RetrievalScores Score(IReadOnlyList<int> ranks)
    {
        double n = Math.Max(1, ranks.Count);
        double HitAt(int k) => ranks.Count(r => r >= 1 && r <= k) / n;
        return new RetrievalScores(
            ranks.Count,
            HitAt(1),
            HitAt(5),
            HitAt(10),
            ranks.Sum(r => r >= 1 ? 1.0 / r : 0.0) / n);
    }
}
