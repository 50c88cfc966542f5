using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Search;

/// <summary>
/// A document named in text: "Quy định số 213-QĐ/TW", "QĐ 213", "quy dinh 213", "kết luận 38".
/// <see cref="Keys"/> are what the index stores: "213-qd" always, and "213-qd-tw" when the issuer is written.
/// </summary>
public sealed partial record DocumentReference(int Number, string TypeCode, string? IssuerCode)
{
    public IEnumerable<string> Keys
    {
        get
        {
            yield return this.ShortKey;
            if (this.IssuerCode is not null)
            {
                yield return $"{this.ShortKey}-{this.IssuerCode}";
            }
        }
    }

    public string ShortKey => $"{this.Number}-{this.TypeCode}";

    /// <summary>The number as Party documents print it: "213-QĐ/TW", "03-NQ/TU"; "213-QĐ" without an issuer.</summary>
    public string Printed =>
        $"{this.Number:00}-{this.TypeCode.ToUpperInvariant().Replace("QD", "QĐ", StringComparison.Ordinal)}" +
        (this.IssuerCode is null ? string.Empty : $"/{this.IssuerCode.ToUpperInvariant()}");

    /// <summary>The most specific key: the one a query should match.</summary>
    public string QueryKey => this.IssuerCode is null ? this.ShortKey : $"{this.ShortKey}-{this.IssuerCode}";

    public static IReadOnlyList<DocumentReference> FindAll(string text)
    {
        var folded = VietnameseText.Fold(text);
        var found = new List<DocumentReference>();
        foreach (Match match in FullNumber().Matches(folded))
        {
            Add(found, match.Groups["n"].Value, match.Groups["t"].Value, match.Groups["i"].Value);
        }

        foreach (Match match in TypeThenNumber().Matches(folded))
        {
            var number = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var code = CodeOf(match.Groups["t"].Value);
            if (!found.Any(r => r.Number == number && r.TypeCode == code))
            {
                Add(found, match.Groups["n"].Value, code, null);
            }
        }

        return found;
    }

    /// <summary>The text with every recognised document name cut out.</summary>
    public static string Remove(string text)
    {
        // Matching runs on the folded text, whose length and positions equal the NFC text's
        // (each precomposed Vietnamese letter folds to exactly one character).
        var folded = VietnameseText.Fold(text);
        if (folded.Length != text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var match in FullNumber().Matches(folded).Concat(TypeThenNumber().Matches(folded)))
        {
            for (var i = match.Index; i < match.Index + match.Length; i++)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>Parses a document number as printed ("213-QĐ/TW"); null when it is not one.</summary>
    public static DocumentReference? ParseNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var match = FullNumber().Match(VietnameseText.Fold(number));
        return match.Success ? Create(match.Groups["n"].Value, match.Groups["t"].Value, match.Groups["i"].Value) : null;
    }

    private static void Add(List<DocumentReference> found, string number, string type, string? issuer)
    {
        var reference = Create(number, type, issuer);
        if (!found.Contains(reference))
        {
            found.Add(reference);
        }
    }

    private static DocumentReference Create(string number, string type, string? issuer) => new(
        int.Parse(number, System.Globalization.CultureInfo.InvariantCulture),
        CodeOf(type),
        string.IsNullOrEmpty(issuer) ? null : issuer);

    private static string CodeOf(string folded) => folded.Replace(" ", string.Empty, StringComparison.Ordinal) switch
    {
        "quydinh" or "qd" => "qd",
        "ketluan" or "kl" => "kl",
        "nghiquyet" or "nq" => "nq",
        "huongdan" or "hd" => "hd",
        "chithi" or "ct" => "ct",
        "quyetdinh" => "qd",
        var other => other,
    };

    // "213-qd/tw", "33-hd/btctw", "03-nq/tu" (already folded: đ→d, no marks).
    [GeneratedRegex(@"\b(?<n>\d{1,4})\s*[-–]\s*(?<t>qd|kl|nq|hd|ct)\s*/\s*(?<i>[a-z]{2,8})\b")]
    private static partial Regex FullNumber();

    // "quy dinh 213", "qd so 213", "ket luan 38", "kl01", "nghi quyet so 03".
    [GeneratedRegex(@"\b(?<t>quy\s+dinh|ket\s+luan|nghi\s+quyet|huong\s+dan|chi\s+thi|qd|kl|nq|hd|ct)\s*(so\s*)?(?<n>\d{1,4})\b")]
    private static partial Regex TypeThenNumber();
}
