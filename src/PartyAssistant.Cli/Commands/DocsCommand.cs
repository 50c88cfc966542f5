using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class DocsCommand(CorpusIndex index, CliOutput output) : AsyncCommand<JsonSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        var corpus = await index.LoadCorpusAsync(cancellationToken);
        if (settings.Json)
        {
            output.Json(corpus.Documents.Select(d => ToJson(d.Metadata, d.Passages.Count)));
        }
        else
        {
            var table = new Table().AddColumns("Mã", "Loại", "Số hiệu", "Ngày", "Trích yếu", "Dạng", "Tình trạng");
            foreach (var document in corpus.Documents)
            {
                var m = document.Metadata;
                table.AddRow(
                    Markup.Escape(m.Id),
                    Markup.Escape(m.Type),
                    Markup.Escape(m.Number ?? "(không ghi)"),
                    m.Date?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "(không ghi)",
                    Markup.Escape(m.Title),
                    m.IsSummary ? "tóm tắt" : "nguyên văn",
                    Markup.Escape(m.Status.Describe()));
            }

            output.Console.Write(table);
        }

        foreach (var error in corpus.Errors)
        {
            output.Status($"Bỏ qua tệp lỗi: {error.Message}");
        }

        return corpus.Errors.Count == 0 ? 0 : 1;
    }

    private static object ToJson(DocumentMetadata m, int passages) => new
    {
        id = m.Id,
        type = m.Type,
        number = m.Number,
        date = m.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        issuer = m.Issuer,
        signer = m.Signer,
        title = m.Title,
        short_title = m.ShortTitle,
        kind = m.IsSummary ? "summary" : "official-text",
        status = new { state = m.Status.State, replaced_by = m.Status.ReplacedBy, as_of = m.Status.AsOf, note = m.Status.Note },
        references = m.References,
        sources = m.Sources,
        not_covered = m.NotCovered,
        passages,
    };
}
