using PartyAssistant.Search;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>Opens the index for a command, building it first (with progress on the console) when the corpus changed.</summary>
public sealed class IndexOpener(CorpusIndex index, CliOutput output)
{
    public async Task<OpenedIndex> OpenAsync(CancellationToken cancellationToken)
    {
        var opened = await index.OpenAsync(progress: null, cancellationToken);
        if (opened.Rebuilt)
        {
            output.Status($"Đã dựng chỉ mục: {opened.Manifest.Documents} văn bản, {opened.Manifest.Passages} đoạn.");
            foreach (var error in opened.Manifest.Errors)
            {
                output.Status($"Bỏ qua tệp lỗi: {error}");
            }
        }

        return opened;
    }
}
