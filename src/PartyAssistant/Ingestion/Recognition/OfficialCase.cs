using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Turns a line printed in capitals into the case a reader writes it in: "BAN CHẤP HÀNH TRUNG ƯƠNG" →
/// "Ban Chấp hành Trung ương", "TỈNH ỦY CÀ MAU" → "Tỉnh ủy Cà Mau". Known names of bodies are capitalised
/// as they are usually written; other words go to lower case; numbers and Roman numerals stay.
/// </summary>
internal static class OfficialCase
{
    private static readonly (string Old, string New)[] TonePlacement =
    [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ];

    // A phrase (compared by Key) → which of its words start with a capital ('C') or not ('l'). Longest phrase wins.
    private static readonly (string[] Words, string Caps)[] Phrases = new (string Phrase, string Caps)[]
    {
        ("ban chấp hành", "CCl"),
        ("trung ương", "Cl"),
        ("bộ chính trị", "CCl"),
        ("ban bí thư", "CCl"),
        ("tổng bí thư", "Cll"),
        ("đảng bộ", "Cl"),
        ("đảng ủy", "Cl"),
        ("đảng đoàn", "Cl"),
        ("đảng viên", "ll"),
        ("tổ chức đảng", "lll"),
        ("tổ chức cơ sở đảng", "lllll"),
        ("ban cán sự đảng", "Clll"),
        ("ủy ban kiểm tra", "ClCl"),
        ("ủy ban nhân dân", "Clll"),
        ("hội đồng nhân dân", "Clll"),
        ("mặt trận tổ quốc", "ClCl"),
        ("ban tổ chức", "CCl"),
        ("ban tuyên giáo", "CCl"),
        ("ban dân vận", "CCl"),
        ("ban nội chính", "CCl"),
        ("ban kinh tế", "CCl"),
        ("văn phòng", "Cl"),
        ("tỉnh ủy", "Cl"),
        ("thành ủy", "Cl"),
        ("huyện ủy", "Cl"),
        ("quận ủy", "Cl"),
        ("thị ủy", "Cl"),
        ("quốc hội", "Cl"),
        ("chính phủ", "Cl"),
        ("thủ tướng", "Cl"),
        ("hội nghị", "Cl"),
        ("đại hội", "Cl"),
        ("điều lệ đảng", "ClC"),
        ("việt nam", "CC"),
        ("hồ chí minh", "CCC"),
        ("đảng", "C"),
    }.Select(p => (p.Phrase.Split(' ').Select(Key).ToArray(), p.Caps)).OrderByDescending(p => p.Item1.Length).ToArray();

    private static readonly HashSet<string> LevelWords = new(StringComparer.Ordinal) { "tỉnh", "huyện", "quận", "xã", "phường" };

    private static readonly HashSet<string> CommitteeWords = new(StringComparer.Ordinal) { "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy" };

    private static readonly HashSet<string> RomanAfter = new(StringComparer.Ordinal) { "khóa", "chương", "phần", "mục", "lần", "hội" };

    private static readonly HashSet<string> PlaceStops = new(StringComparer.Ordinal) { "khóa", "nhiệm", "lần", "về", "của", "và", "tại", "ủy", "thứ" };

    /// <param name="text">The line as printed.</param>
    /// <param name="asName">A body's name (issuer): the first word is capitalised and a place after a level word too.</param>
    public static string Convert(string text, bool asName)
    {
        if (!IsCaps(text))
        {
            return text;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(Key).ToArray();
        var caps = new bool?[words.Length];   // null: lower case; kept: keep as printed
        var keep = new bool[words.Length];

        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Any(char.IsDigit) || (i > 0 && RomanAfter.Contains(folded[i - 1]) && IsRoman(words[i].TrimEnd(',', ';', '.', ':'))))
            {
                keep[i] = true;
            }
        }

        for (var i = 0; i < words.Length;)
        {
            var matched = Phrases.FirstOrDefault(p => Matches(folded, i, p.Words));
            if (matched.Words is null)
            {
                i++;
                continue;
            }

            for (var k = 0; k < matched.Words.Length; k++)
            {
                caps[i + k] ??= matched.Caps[k] == 'C';
            }

            var phrase = string.Join(' ', matched.Words);
            i += matched.Words.Length;
            if (asName && CommitteeWords.Contains(phrase))
            {
                // "TỈNH ỦY CÀ MAU": the place follows the committee.
                for (; i < words.Length && !PlaceStops.Contains(folded[i]) && !keep[i]; i++)
                {
                    caps[i] = true;
                }
            }
        }

        if (asName && words.Length >= 2 && folded[0] == "bộ" && caps[1] is null)
        {
            // A ministry: "BỘ NỘI VỤ" → "Bộ Nội vụ", "BỘ GIÁO DỤC VÀ ĐÀO TẠO" → "Bộ Giáo dục và Đào tạo".
            caps[1] = true;
            var and = Array.IndexOf(folded, "và", 2);
            if (and > 0 && and + 1 < words.Length)
            {
                caps[and + 1] = true;
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            var lower = folded[i];
            if (!LevelWords.Contains(lower) && !(lower == "thành" && i + 1 < words.Length && folded[i + 1] == "phố"))
            {
                continue;
            }

            var first = lower == "thành" ? i + 2 : i + 1;
            var bare = first >= words.Length || folded[first] == "khóa" || words[Math.Min(first, words.Length) - 1].EndsWith(',');
            if (bare && i > 0 && folded[i - 1] == "bộ" && !words[i].EndsWith(','))
            {
                // "ĐẢNG BỘ TỈNH KHOÁ XI": the level word stands for the province's name.
                caps[i] = true;
            }
            else if (asName && !bare)
            {
                for (var k = first; k < words.Length && !PlaceStops.Contains(folded[k]) && !keep[k]; k++)
                {
                    caps[k] = true;
                }
            }
        }

        var result = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var capital = caps[i] ?? (asName && i == 0);
            result[i] = keep[i] ? words[i] : capital ? Capitalize(words[i]) : words[i].ToLowerInvariant();
        }

        return string.Join(' ', result);
    }

    /// <summary>"TRẦN QUỐC VƯỢNG" or "trần quốc vượng" → "Trần Quốc Vượng"; a name already in mixed case is kept.</summary>
    public static string TitleCase(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => w.Length > 0 && char.IsUpper(w[0]) && w.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c)))
            ? string.Join(' ', words)
            : string.Join(' ', words.Select(Capitalize));
    }

    public static bool IsCaps(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    public static bool IsRoman(string token) =>
        token.Length > 0 && System.Text.RegularExpressions.Regex.IsMatch(token, "^(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$");

    /// <summary>Lower case, punctuation around the word removed, one tone placement ("uỷ" = "ủy", "khoá" = "khóa").</summary>
    private static string Key(string word)
    {
        var key = VietnameseText.Normalize(word).ToLowerInvariant().Trim(',', ';', '.', ':', '(', ')', '"', '“', '”');
        foreach (var (old, replacement) in TonePlacement)
        {
            key = key.Replace(old, replacement, StringComparison.Ordinal);
        }

        return key;
    }

    private static string Capitalize(string word)
    {
        var lower = word.ToLowerInvariant();
        var first = lower.IndexOf(lower.FirstOrDefault(char.IsLetter));
        return first < 0 ? lower : string.Concat(lower.AsSpan(0, first), char.ToUpperInvariant(lower[first]).ToString(), lower.AsSpan(first + 1));
    }

    private static bool Matches(string[] folded, int start, string[] phrase)
    {
        if (start + phrase.Length > folded.Length)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (folded[start + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }
}
