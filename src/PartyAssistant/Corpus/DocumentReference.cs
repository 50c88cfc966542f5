using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Corpus;

/// <summary>A document named in a text, and where (NFC positions).</summary>
public sealed record DocumentMention(DocumentReference Reference, int Start, int Length)
{
    public int End => this.Start + this.Length;
}

/// <summary>
/// A document named in text: "Quy định số 213-QĐ/TW", "QĐ 213", "quy dinh 213", "Kế hoạch 15-KH/TU".
/// <see cref="Keys"/> are what the index stores: "213-qd" always, and "213-qd-tw" when the issuer is
/// written. The one recogniser of document numbers: search, facts, quizzes, the catalog and ingest
/// all read numbers through it. The kinds of documents come from <c>Text/Words/document-types.tsv</c>.
/// </summary>
public sealed record DocumentReference(int Number, string TypeCode, string? IssuerCode)
{
    private static readonly DocumentTypes Types = DocumentTypes.Load();

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
        $"{this.Number:00}-{PrintCode(this.TypeCode)}" + (this.IssuerCode is null ? string.Empty : $"/{PrintCode(this.IssuerCode)}");

    /// <summary>How a reader names it: "Quy định 213-QĐ/TW", "Nghị quyết 21" (type and number as known).</summary>
    public string Name => $"{Types.NameOf(this.TypeCode)} {(this.IssuerCode is null ? this.Number.ToString("00", System.Globalization.CultureInfo.InvariantCulture) : this.Printed)}";

    /// <summary>The most specific key: the one a query should match.</summary>
    public string QueryKey => this.IssuerCode is null ? this.ShortKey : $"{this.ShortKey}-{this.IssuerCode}";

    /// <summary>Whether <paramref name="other"/> names this document: the same type and number, and the same issuer where both give one.</summary>
    public bool SameAs(DocumentReference other) =>
        this.Number == other.Number && this.TypeCode == other.TypeCode &&
        (this.IssuerCode is null || other.IssuerCode is null || this.IssuerCode == other.IssuerCode);

    public static IReadOnlyList<DocumentReference> FindAll(string text) => Find(text).Select(m => m.Reference).Distinct().ToList();

    /// <summary>Every document named in the text with where it is named; a full number first, then "type number".</summary>
    public static IReadOnlyList<DocumentMention> Find(string text)
    {
        var normalized = VietnameseText.Normalize(text);
        var folded = VietnameseText.Fold(normalized);
        var found = new List<DocumentMention>();
        foreach (Match match in Types.FullNumber.Matches(folded))
        {
            found.Add(new DocumentMention(Create(match.Groups["n"].Value, match.Groups["t"].Value, match.Groups["i"].Value), match.Index, match.Length));
        }

        foreach (Match match in Types.TypeThenNumber.Matches(folded))
        {
            var reference = Create(match.Groups["n"].Value, Types.CodeOf(match.Groups["t"].Value), null);
            if (!found.Any(m => m.Start < match.Index + match.Length && match.Index < m.End))
            {
                found.Add(new DocumentMention(reference, match.Index, match.Length));
            }
        }

        // Folding keeps one character per precomposed character; where it did not, positions are only approximate.
        return found.OrderBy(m => m.Start).ToList();
    }

    /// <summary>The text with every recognised document name blanked out (same length).</summary>
    public static string Remove(string text)
    {
        var chars = VietnameseText.Normalize(text).ToCharArray();
        foreach (var mention in Find(text))
        {
            for (var i = mention.Start; i < Math.Min(mention.End, chars.Length); i++)
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

        var match = Types.FullNumber.Match(VietnameseText.Fold(VietnameseText.Normalize(number)));
        return match.Success ? Create(match.Groups["n"].Value, match.Groups["t"].Value, match.Groups["i"].Value) : null;
    }

    private static DocumentReference Create(string number, string type, string? issuer) => new(
        int.Parse(number, System.Globalization.CultureInfo.InvariantCulture),
        type,
        string.IsNullOrEmpty(issuer) ? null : issuer);

    private static string PrintCode(string code) => code.ToUpperInvariant().Replace("QD", "QĐ", StringComparison.Ordinal)
        .Replace("DA", "ĐA", StringComparison.Ordinal).Replace("DU", "ĐU", StringComparison.Ordinal);

    /// <summary>The kinds of documents, from the word list, and the two patterns built from them.</summary>
    private sealed class DocumentTypes
    {
        private readonly Dictionary<string, string> codeByName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> nameByCode = new(StringComparer.Ordinal);

        public required Regex FullNumber { get; init; }

        public required Regex TypeThenNumber { get; init; }

        public static DocumentTypes Load()
        {
            var rows = WordLists.Rows(WordLists.DocumentTypes);
            var codes = rows.Select(r => VietnameseText.Fold(r[1])).Distinct().OrderByDescending(c => c.Length).ToList();
            var alone = rows.Where(r => r.Length > 2 && r[2] == "alone").Select(r => VietnameseText.Fold(r[1])).Distinct().ToList();
            static string Words(string folded) => string.Join(@"\s+", folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
            var named = rows.Select(r => (Name: VietnameseText.Fold(r[0]), Code: VietnameseText.Fold(r[1]))).ToList();
            var needsSo = named.Where(n => !alone.Contains(n.Code)).Select(n => Words(n.Name));
            var mayOmitSo = named.Where(n => alone.Contains(n.Code)).Select(n => Words(n.Name)).Concat(alone.Select(Regex.Escape));

            // "213-qd/tw", "33-hd/btctw", "03-nq/tu" (folded: đ→d, no marks), with the kind written before it if it is.
            var anyName = string.Join('|', named.Select(n => Words(n.Name)).Concat(codes.Select(Regex.Escape)));
            var full = new Regex($@"(?:\b(?:{anyName})\s*(?:so\s*)?)?\b(?<n>\d{{1,4}})\s*[-–]\s*(?<t>{string.Join('|', codes.Select(Regex.Escape))})\s*/\s*(?<i>[a-z]{{2,8}})\b", RegexOptions.Compiled);

            // "quy dinh 213", "qd so 213", "ket luan 38", "kl01", "bao cao so 12" (a kind that is also a common word needs "số").
            var typed = new Regex(
                $@"\b((?<t>{string.Join('|', mayOmitSo)})\s*(so\s*)?|(?<t>{string.Join('|', needsSo)})\s+so\s*)(?<n>\d{{1,4}})\b(?!\s*[-–/])",
                RegexOptions.Compiled | RegexOptions.IgnoreCase);
            var types = new DocumentTypes { FullNumber = full, TypeThenNumber = typed };
            foreach (var (name, code) in named)
            {
                types.codeByName.TryAdd(name, code);
                types.codeByName.TryAdd(code, code);
                types.nameByCode.TryAdd(code, rows.First(r => VietnameseText.Fold(r[1]) == code)[0] is var n ? char.ToUpperInvariant(n[0]) + n[1..] : code);
            }

            return types;
        }

        public string CodeOf(string folded)
        {
            var key = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return this.codeByName.TryGetValue(key, out var code) ? code : key.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        public string? NameOf(string code) => this.nameByCode.GetValueOrDefault(code);
    }
}
