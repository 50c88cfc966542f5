namespace PartyAssistant.Ingestion;

/// <summary>Reads a source file, turning the file system's exceptions into messages a user can act on.</summary>
internal static class IngestFile
{
    public static async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) =>
        await ReadAllBytesAsync(path, long.MaxValue, cancellationToken).ConfigureAwait(false);

    /// <summary>The file's bytes, refused before reading when it is larger than <paramref name="maxBytes"/> (Ingestion:MaxUnpackedBytes).</summary>
    public static async Task<byte[]> ReadAllBytesAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw LimitRefusal.FileSize(path, length, maxBytes);
            }

            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IngestException(path, "không tìm thấy tệp; hãy kiểm tra lại đường dẫn.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IngestException(path, "không có quyền đọc tệp.", ex);
        }
        catch (IOException ex)
        {
            // Most often the file is open and locked by Word on Windows.
            throw new IngestException(path, $"không đọc được tệp (có thể đang được mở ở chương trình khác): {ex.Message}", ex);
        }
    }
}
