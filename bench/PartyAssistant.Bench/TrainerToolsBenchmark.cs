using System.Diagnostics;
using PartyAssistant.Corpus;
using PartyAssistant.Obligations;
using PartyAssistant.Outlines;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Bench;

/// <summary>One trainer or member tool timed on the shipped corpus: what it produced and how long it took.</summary>
public sealed record ToolTiming(string Name, string Produced, int Runs, double FirstMs, double P50Ms, double MaxMs);

/// <summary>
/// Times the tools built on the passages — duties by role, a 20-question quiz and a 45-minute
/// outline of the seed, with their Word files — warm, in this process, after one first run.
/// </summary>
public static class TrainerToolsBenchmark
{
    private const string Seed = "kl-tu-nq03";

    public static IReadOnlyList<ToolTiming> Measure(CorpusLoadResult corpus, int runs = 20)
    {
        var generator = new QuizGenerator();
        var outlines = new OutlineBuilder(new OutlineQuiz(generator));
        return
        [
            Time("nghia-vu, every role (ObligationFinder.FindAll)", runs, () =>
            {
                var all = ObligationFinder.FindAll(corpus);
                return $"{all.Count} roles, {all.Sum(r => r.Items.Count)} items";
            }),
            Time($"quiz --doc {Seed} --n 20 (QuizGenerator)", runs, () =>
            {
                var quiz = generator.Generate(corpus, new QuizRequest(Seed, Count: 20));
                var sentences = quiz.Items.Select(i => i.Quote).Distinct(StringComparer.Ordinal).Count();
                return $"{quiz.Items.Count} questions, {sentences} distinct sentences, {quiz.Items.Select(i => i.Type).Distinct().Count()} kinds";
            }),
            Time($"quiz --doc {Seed} --n 20 --format docx (in memory)", runs, () =>
            {
                using var stream = new MemoryStream();
                QuizDocxWriter.Build(generator.Generate(corpus, new QuizRequest(Seed, Count: 20))).Save(stream);
                return $"{stream.Length / 1024.0:F0} KiB";
            }),
            Time($"outline --doc {Seed} --minutes 45 (OutlineBuilder)", runs, () =>
            {
                var outline = outlines.Build(corpus, new OutlineRequest(Seed));
                return $"{outline.Parts.Count} parts, {outline.KeyPoints.Count()} key points, {outline.Figures.Count} figures, {outline.Questions.Count} discussion questions, {outline.Quiz.Count} quiz items";
            }),
            Time($"outline --doc {Seed} --format docx (in memory)", runs, () =>
            {
                using var stream = new MemoryStream();
                OutlineDocxWriter.Build(outlines.Build(corpus, new OutlineRequest(Seed))).Save(stream);
                return $"{stream.Length / 1024.0:F0} KiB";
            }),
        ];
    }

    private static ToolTiming Time(string name, int runs, Func<string> work)
    {
        var watch = Stopwatch.StartNew();
        var produced = work();
        var first = watch.Elapsed.TotalMilliseconds;
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new ToolTiming(name, produced, runs, first, times[times.Count / 2], times[^1]);
    }
}
