namespace PartyAssistant.Quizzes;

/// <summary>
/// Reproducible choices: the same corpus and request give the same quiz, so a trainer can print
/// it twice. string.GetHashCode is randomised per process, hence FNV-1a.
/// </summary>
public static class QuizRandom
{
    public static int Hash(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var ch in text)
            {
                hash = (hash ^ ch) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }

    /// <summary>The items in an order fixed by <paramref name="seed"/> (Fisher–Yates over a seeded generator).</summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, string seed)
    {
        var list = items.ToList();
        var random = new Random(Hash(seed));
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
