using System.ComponentModel;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class IndexCommand(CorpusIndex index, CliOutput output) : AsyncCommand<IndexCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandOption("--rebuild")]
        [Description("Dựng lại toàn bộ chỉ mục thay vì chỉ viết lại các văn bản đã thay đổi.")]
        public bool Rebuild { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        output.Status($"Đang dựng chỉ mục từ {index.CorpusDirectory} …");
        var manifest = await index.RebuildAsync(new BuildProgress(output), cancellationToken, full: settings.Rebuild);
        if (settings.Json)
        {
            output.Json(IndexSummaryView.From(manifest));
        }
        else
        {
            output.Console.MarkupLine($"Đã dựng chỉ mục: [bold]{manifest.Documents}[/] văn bản, [bold]{manifest.Passages}[/] đoạn ({manifest.Reindexed} văn bản viết lại).");
        }

        foreach (var error in manifest.Errors)
        {
            output.Status($"Bỏ qua tệp lỗi: {error}");
        }

        return manifest.Errors.Count == 0 ? 0 : 1;
    }
}
