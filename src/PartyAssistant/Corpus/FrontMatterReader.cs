using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PartyAssistant.Corpus;

/// <summary>Reads the YAML between the two "---" lines at the top of a corpus file.</summary>
internal static partial class FrontMatterReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    internal static readonly string[] Types = ["Kết luận", "Quy định", "Hướng dẫn", "Nghị quyết", "Chỉ thị", "Quyết định", "Kế hoạch", "Thông báo"];

    /// <summary>Splits the file; returns the metadata and the line index where the body starts.</summary>
    public static (DocumentMetadata Metadata, int BodyStart) Read(string file, string[] lines)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new CorpusFormatException(file, 1, "thiếu phần khai báo (front matter) mở đầu bằng dòng \"---\".");
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw new CorpusFormatException(file, lines.Length, "phần khai báo (front matter) không có dòng \"---\" đóng lại.");
        }

        FrontMatter raw;
        try
        {
            raw = Deserializer.Deserialize<FrontMatter>(string.Join('\n', lines[1..close])) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            // The YAML starts on the file's second line.
            var line = (int)Math.Clamp(e.Start.Line, 1, close - 1);
            throw new CorpusFormatException(file, line + 1, FrontMatterProblem.Describe(e, lines[line], Fields));
        }

        return (ToMetadata(file, lines, close, raw), close + 1);
    }

    /// <summary>The fields a front matter may hold, as written in the file, and their shapes.</summary>
    private static readonly IReadOnlyDictionary<string, FieldShape> Fields =
        typeof(FrontMatter).GetProperties().Select(p => (Name: UnderscoredNamingConvention.Instance.Apply(p.Name), p.PropertyType))
            .Concat(typeof(StatusBlock).GetProperties().Select(p => (Name: UnderscoredNamingConvention.Instance.Apply(p.Name), p.PropertyType)))
            .DistinctBy(f => f.Name)
            .ToDictionary(
                f => f.Name,
                f => f.PropertyType == typeof(string) ? FieldShape.Text : f.PropertyType == typeof(StatusBlock) ? FieldShape.Block : FieldShape.List,
                StringComparer.Ordinal);

    private static DocumentMetadata ToMetadata(string file, string[] lines, int close, FrontMatter raw)
    {
        int LineOf(string key)
        {
            var index = Array.FindIndex(lines, 1, close - 1, l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return index < 0 ? 1 : index + 1;
        }

        string Required(string? value, string key) => string.IsNullOrWhiteSpace(value)
            ? throw new CorpusFormatException(file, LineOf(key), $"thiếu trường bắt buộc \"{key}\".")
            : value.Trim();

        var id = Required(raw.Id, "id");
        if (!CorpusIds.IsValid(id))
        {
            throw new CorpusFormatException(file, LineOf("id"), $"id \"{id}\" chỉ được gồm chữ thường a–z, số và dấu gạch ngang.");
        }

        var type = Required(raw.Type, "type");
        if (!Types.Contains(type, StringComparer.Ordinal))
        {
            throw new CorpusFormatException(file, LineOf("type"), $"loại văn bản \"{type}\" không được hỗ trợ (dùng: {string.Join(", ", Types)}).");
        }

        var kind = Required(raw.Kind, "kind") switch
        {
            "official-text" => DocumentKind.OfficialText,
            "summary" => DocumentKind.Summary,
            var other => throw new CorpusFormatException(file, LineOf("kind"), $"kind \"{other}\" phải là official-text hoặc summary."),
        };

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(raw.Date))
        {
            if (!DateOnly.TryParseExact(raw.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new CorpusFormatException(file, LineOf("date"), $"ngày \"{raw.Date}\" phải viết dạng yyyy-MM-dd.");
            }

            date = parsed;
        }

        var state = string.IsNullOrWhiteSpace(raw.Status?.State) ? DocumentStatus.InForce : raw.Status.State.Trim();
        if (state is not (DocumentStatus.InForce or DocumentStatus.Replaced))
        {
            throw new CorpusFormatException(file, LineOf("status"), $"trạng thái \"{state}\" phải là in-force hoặc replaced.");
        }

        if (kind == DocumentKind.Summary && (raw.Sources is null || raw.Sources.Count == 0))
        {
            throw new CorpusFormatException(file, LineOf("kind"), "bản tóm tắt phải liệt kê nguồn (sources).");
        }

        var number = Blank(raw.Number);
        return new DocumentMetadata
        {
            Id = id,
            Type = type,
            Number = number,
            Date = date,
            Issuer = Blank(raw.Issuer),
            Signer = Blank(raw.Signer),
            Title = Required(raw.Title, "title"),
            ShortTitle = Blank(raw.ShortTitle) ?? (number is null ? type : $"{type} {number}"),
            Kind = kind,
            Status = new DocumentStatus(state, Blank(raw.Status?.ReplacedBy), Blank(raw.Status?.AsOf), Blank(raw.Status?.Note)),
            References = raw.References ?? [],
            Sources = raw.Sources ?? [],
            NotCovered = Blank(raw.NotCovered),
            Replaces = (raw.Replaces ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList(),
            SummaryOf = Blank(raw.SummaryOf),
            IngestedFrom = Blank(raw.IngestedFrom),
            Ocr = raw.Ocr ?? false,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Type { get; set; }
        public string? Number { get; set; }
        public string? Date { get; set; }
        public string? Issuer { get; set; }
        public string? Signer { get; set; }
        public string? Title { get; set; }
        public string? ShortTitle { get; set; }
        public string? Kind { get; set; }
        public StatusBlock? Status { get; set; }
        public List<string>? References { get; set; }
        public List<string>? Sources { get; set; }
        public string? NotCovered { get; set; }
        public List<string>? Replaces { get; set; }
        public string? SummaryOf { get; set; }
        public string? IngestedFrom { get; set; }
        public bool? Ocr { get; set; }
    }

    private sealed class StatusBlock
    {
        public string? State { get; set; }
        public string? ReplacedBy { get; set; }
        public string? AsOf { get; set; }
        public string? Note { get; set; }
    }
}
