using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class IndexCommand(CorpusIndex index, CliOutput output) : AsyncCommand<JsonSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        output.Status($"Đang dựng chỉ mục từ {index.CorpusDirectory} …");
        var progress = new Progress<int>(n =>
        {
            if (n % 500 == 0)
            {
                output.Status($"  … {n} đoạn");
            }
        });
        var manifest = await index.RebuildAsync(progress, cancellationToken);
        if (settings.Json)
        {
            output.Json(new { documents = manifest.Documents, passages = manifest.Passages, errors = manifest.Errors });
        }
        else
        {
            output.Console.MarkupLine($"Đã dựng chỉ mục: [bold]{manifest.Documents}[/] văn bản, [bold]{manifest.Passages}[/] đoạn.");
        }

        foreach (var error in manifest.Errors)
        {
            output.Status($"Bỏ qua tệp lỗi: {error}");
        }

        return manifest.Errors.Count == 0 ? 0 : 1;
    }
}
