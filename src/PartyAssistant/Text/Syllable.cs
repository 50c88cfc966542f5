using System.Text;

namespace PartyAssistant.Text;

/// <summary>
/// One spelling per Vietnamese syllable. Old and new tone placement ("hoà"/"hòa", "uỷ"/"ủy",
/// "khoẻ"/"khỏe") and the i/y variants ("lý"/"lí", "quý"/"quí") become the same token, so a
/// question matches the documents however its writer learned to spell.
/// </summary>
public static class Syllable
{
    // Vietnamese has a few thousand syllables, so the same few come back again and again: their forms are worked out
    // once. Bounded against odd input (numbers, long runs of letters).
    private const int FormsKept = 200_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Accented, string Folded)> KnownForms = new(StringComparer.Ordinal);
    private static int formsCount;

    /// <summary>The syllable as search uses it (<see cref="Standard"/>) and without any mark, remembered.</summary>
    public static (string Accented, string Folded) Forms(string syllable)
    {
        if (KnownForms.TryGetValue(syllable, out var known))
        {
            return known;
        }

        var accented = Standard(syllable);
        var forms = (accented, VietnameseText.Fold(accented));
        if (Interlocked.Increment(ref formsCount) <= FormsKept)
        {
            KnownForms.TryAdd(syllable, forms);
        }

        return forms;
    }

    // "hằng năm" and "hàng năm" are both correct and both used in Party documents.
    private static readonly Dictionary<string, string> Variants = new(StringComparer.Ordinal)
    {
        ["hằng"] = "hàng",
    };

    /// <summary>The one spelling search and matching use: lower case, <see cref="Canonical"/>, and one of two accepted variants.</summary>
    public static string Standard(string syllable)
    {
        var canonical = Canonical(syllable.ToLowerInvariant());
        return Variants.TryGetValue(canonical, out var variant) ? variant : canonical;
    }

    private const string Vowels = "aăâeêioôơuưy";
    private const string ModifiedVowels = "ăâêôơư";

    /// <summary>Canonical form of one lower-case syllable; anything that is not a syllable comes back as it was.</summary>
    public static string Canonical(string syllable)
    {
        if (syllable.Length == 0 || syllable.Length > 10)
        {
            return syllable;
        }

        var decomposed = syllable.Normalize(NormalizationForm.FormD);
        var tone = '\0';
        var bare = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (IsTone(ch))
            {
                if (tone != '\0')
                {
                    return syllable; // two tones: not a Vietnamese syllable
                }

                tone = ch;
                continue;
            }

            bare.Append(ch);
        }

        var letters = bare.ToString().Normalize(NormalizationForm.FormC).ToCharArray();
        if (!FindNucleus(letters, out var start, out var end))
        {
            return syllable;
        }

        // Lone i/y after a consonant is spelled both ways ("lý"/"lí"); keep one.
        if (end - start == 1 && start > 0 && end == letters.Length && letters[start] == 'y')
        {
            letters[start] = 'i';
        }

        var result = new string(letters);
        if (tone == '\0')
        {
            return result;
        }

        var position = TonePosition(letters, start, end);
        return (result[..(position + 1)] + tone + result[(position + 1)..]).Normalize(NormalizationForm.FormC);
    }

    private static bool IsTone(char ch) => ch is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    private static bool IsVowel(char ch) => Vowels.Contains(ch, StringComparison.Ordinal);

    /// <summary>The vowel cluster, after the "qu"/"gi" onsets whose u/i is a consonant.</summary>
    private static bool FindNucleus(char[] letters, out int start, out int end)
    {
        start = 0;
        while (start < letters.Length && !IsVowel(letters[start]))
        {
            if (!char.IsLetter(letters[start]))
            {
                end = 0;
                return false;
            }

            start++;
        }

        if (start == letters.Length)
        {
            end = 0;
            return false;
        }

        if (start > 0 && start + 1 < letters.Length && IsVowel(letters[start + 1]) &&
            ((letters[start - 1] == 'q' && letters[start] == 'u') || (letters[start - 1] == 'g' && letters[start] == 'i' && start == 1)))
        {
            start++;
        }

        end = start;
        while (end < letters.Length && IsVowel(letters[end]))
        {
            end++;
        }

        for (var i = end; i < letters.Length; i++)
        {
            if (!char.IsLetter(letters[i]) || IsVowel(letters[i]))
            {
                return false;
            }
        }

        return end - start <= 3;
    }

    private static int TonePosition(char[] letters, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (ModifiedVowels.Contains(letters[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        var length = end - start;
        if (end < letters.Length || length == 1)
        {
            return end - 1;
        }

        if (length == 3)
        {
            return start + 1;
        }

        var pair = new string(letters, start, 2);
        return pair is "oa" or "oe" or "uy" ? start + 1 : start;
    }
}
