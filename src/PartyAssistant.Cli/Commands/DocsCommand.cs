using System.ComponentModel;
using System.Globalization;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Corpus;
using PartyAssistant.Documents;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The documents of the corpus with their standing and relations; with --check, the documents they cite that are missing.</summary>
public sealed class DocsCommand(DocumentListing documents, CliOutput output) : AsyncCommand<DocsCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandOption("--check")]
        [Description("Liệt kê các văn bản được dẫn chiếu nhưng chưa có trong corpus (hoặc mới chỉ có bản tóm tắt). Mã thoát 1 khi có văn bản vắng mặt.")]
        public bool Check { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var corpus = await documents.CorpusAsync(cancellationToken);
        var catalog = corpus.Catalog;
        var status = settings.Check ? this.Check(catalog, settings.Json) : this.List(catalog, settings.Json);
        foreach (var error in corpus.Errors)
        {
            output.Status($"Bỏ qua tệp lỗi: {error.Message}");
        }

        return corpus.Errors.Count == 0 ? status : 1;
    }

    private int List(CorpusCatalog catalog, bool json)
    {
        if (json)
        {
            output.Json(catalog.Entries.Select(DocumentView.From));
            return 0;
        }

        var rows = catalog.Entries.Select(entry =>
        {
            var m = entry.Document.Metadata;
            return (IReadOnlyList<string>)
            [
                m.Id,
                m.Type,
                m.Number ?? "(không ghi)",
                m.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "(không ghi)",
                m.Title,
                m.IsSummary ? "tóm tắt" : "nguyên văn",
                entry.DescribeStanding(),
                Relations(entry),
            ];
        }).ToList();
        output.Table(["Mã", "Loại", "Số hiệu", "Ngày", "Trích yếu", "Dạng", "Tình trạng", "Quan hệ"], rows);
        return 0;
    }

    private int Check(CorpusCatalog catalog, bool json)
    {
        var missing = catalog.FindMissingReferences();
        if (json)
        {
            output.Json(missing.Select(MissingReferenceView.From));
        }
        else if (missing.Count == 0)
        {
            output.Console.WriteLine("Mọi văn bản được dẫn chiếu đều đã có toàn văn trong corpus.");
        }
        else
        {
            var absent = missing.Where(m => !m.OnlySummary).ToList();
            if (absent.Count > 0)
            {
                output.Console.WriteLine($"Văn bản được dẫn chiếu nhưng chưa có trong corpus ({absent.Count}):");
                foreach (var m in absent)
                {
                    output.Console.WriteLine($"  - {m.Reference} — dẫn bởi: {string.Join(", ", m.CitedBy)}");
                }
            }

            var summarised = missing.Where(m => m.OnlySummary).ToList();
            if (summarised.Count > 0)
            {
                output.Console.WriteLine($"Văn bản mới chỉ có bản tóm tắt, chưa có toàn văn ({summarised.Count}):");
                foreach (var m in summarised)
                {
                    output.Console.WriteLine($"  - {m.Reference} (tóm tắt: {m.SummaryId}) — dẫn bởi: {string.Join(", ", m.CitedBy)}");
                }
            }

            output.Console.WriteLine("Nạp toàn văn bằng: ingest <tệp> (xem README, mục \"Thêm văn bản\").");
        }

        return missing.Any(m => !m.OnlySummary) ? 1 : 0;
    }

    private static string Relations(DocumentEntry entry)
    {
        var parts = new List<string>();
        if (entry.Replaces.Count > 0)
        {
            parts.Add($"thay thế {string.Join(", ", entry.Replaces.Select(d => d.Id))}");
        }

        if (entry.ReplacedBy.Count > 0)
        {
            parts.Add($"bị thay thế bởi {string.Join(", ", entry.ReplacedBy.Select(d => d.Id))}");
        }

        if (entry.SummaryOf is { } summary)
        {
            parts.Add($"toàn văn của bản tóm tắt {summary.Id}");
        }

        if (entry.OfficialText is { } official)
        {
            parts.Add($"toàn văn: {official.Id}");
        }

        return parts.Count == 0 ? "—" : string.Join("; ", parts);
    }
}
