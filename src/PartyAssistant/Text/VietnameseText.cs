using System.Globalization;
using System.Text;

namespace PartyAssistant.Text;

/// <summary>
/// The spelling rules every component shares: NFC, one tone placement, đ/d folding.
/// Search, evaluation and citation checks must agree on them, so they live in one place.
/// </summary>
public static class VietnameseText
{
    /// <summary>NFC, with the odd spaces chat clients send turned into plain ones.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = IsSurelyComposed(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        if (nfc.AsSpan().IndexOfAny("\u00A0\u200B\uFEFF\u00D0\u00F0") < 0)
        {
            return nfc;
        }

        // Ð/ð (Icelandic eth) stand in for Đ/đ in text converted from the old TCVN3 and VNI fonts.
        return nfc.Replace('\u00A0', ' ').Replace("\u200B", string.Empty, StringComparison.Ordinal)
            .Replace("\uFEFF", string.Empty, StringComparison.Ordinal)
            .Replace('\u00D0', 'Đ').Replace('\u00F0', 'đ');
    }

    /// <summary>
    /// True when every character is one NFC keeps as it is and that nothing composes with: ASCII, Latin-1 and Latin
    /// Extended-A/B, the precomposed Vietnamese letters (U+1E00–U+1EFF) and general punctuation past U+2001 (whose two
    /// first characters are canonical singletons). Almost all text is only these; asking ICU instead was a fifth of the
    /// time of indexing a document.
    /// </summary>
    internal static bool IsSurelyComposed(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var kept = c < '\u0300' || c is >= '\u1E00' and <= '\u1EFF' || c is >= '\u2002' and <= '\u206F';
            if (!kept)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower case with every diacritic removed and đ turned into d: "Đảng uỷ" → "dang uy".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }

        return sb.ToString();
    }

    /// <summary>True when the text carries any Vietnamese diacritic (or đ).</summary>
    public static bool HasDiacritics(string text)
    {
        foreach (var ch in text)
        {
            if (ch < 128)
            {
                continue;
            }

            if (ch is 'đ' or 'Đ')
            {
                return true;
            }

            if (char.IsLetter(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 1 || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The form the evaluation set matches on: lower case, marks removed, đ→d, and every run of
    /// characters other than a–z, 0–9 and % turned into one space.
    /// </summary>
    public static string MatchKey(string text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var ch in folded)
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '%')
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(ch);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether every letter is a capital (and there is one): a title line, "QUY ĐỊNH", "I- KẾT QUẢ".</summary>
    public static bool IsAllCaps(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.All(char.IsUpper);
    }
}
