using PartyAssistant.Search;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Opens the shared index for a command (the answer pipeline searches the same one), telling the
/// user on stderr when it had to be built first. The provider owns it: commands do not dispose it.
/// </summary>
public sealed class IndexOpener(SearchIndexProvider provider, CliOutput output)
{
    public async Task<OpenedIndex> OpenAsync(CancellationToken cancellationToken)
    {
        var opened = await provider.GetAsync(cancellationToken);
        if (opened.Repaired)
        {
            output.Status("Chỉ mục trên đĩa bị hỏng nên đã được dựng lại từ thư mục corpus; không mất văn bản nào.");
        }

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
