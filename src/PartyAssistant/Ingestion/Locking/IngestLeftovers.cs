namespace PartyAssistant.Ingestion;

/// <summary>
/// Puts the corpus folder back in order after an ingest that was killed while writing: a backup
/// (".ID.ingest.bak") goes back in place when its file is missing and is removed otherwise; temporary
/// files (".ID.PID.ingest.tmp") were never moved into place and are removed.
/// </summary>
public static class IngestLeftovers
{
    public const string BackupSuffix = ".ingest.bak";
    public const string TemporarySuffix = ".ingest.tmp";

    /// <param name="held">The corpus lock: only with it held is every leftover sure to belong to no running ingest.</param>
    /// <returns>What was done, in Vietnamese, one notice per file.</returns>
    public static IReadOnlyList<string> Recover(string corpusDirectory, IngestLock held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var notices = new List<string>();
        if (!Directory.Exists(corpusDirectory))
        {
            return notices;
        }

        foreach (var backup in Directory.EnumerateFiles(corpusDirectory, "." + "*" + BackupSuffix).Order(StringComparer.Ordinal).ToList())
        {
            var name = Path.GetFileName(backup);
            var id = name[1..^BackupSuffix.Length];
            if (!Corpus.CorpusIds.IsValid(id))
            {
                // Not a name this code writes: someone else's file, left alone.
                continue;
            }

            var target = Path.Combine(corpusDirectory, id + ".md");
            if (File.Exists(target))
            {
                File.Delete(backup);
                notices.Add($"Đã xoá bản sao lưu {name} do một lượt nạp bị ngắt để lại ({id}.md vẫn còn).");
            }
            else
            {
                File.Move(backup, target);
                notices.Add($"Đã khôi phục {id}.md từ bản sao lưu {name} do một lượt nạp bị ngắt để lại.");
            }
        }

        foreach (var temporary in Directory.EnumerateFiles(corpusDirectory, "." + "*" + TemporarySuffix).Order(StringComparer.Ordinal).ToList())
        {
            File.Delete(temporary);
            notices.Add($"Đã xoá tệp tạm {Path.GetFileName(temporary)} do một lượt nạp bị ngắt để lại.");
        }

        return notices;
    }
}
