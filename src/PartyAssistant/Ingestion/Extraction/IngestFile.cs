namespace PartyAssistant.Ingestion;

/// <summary>Reads a source file, turning the file system's exceptions into messages a user can act on.</summary>
internal static class IngestFile
{
    public static async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) =>
        await ReadAllBytesAsync(path, long.MaxValue, cancellationToken).ConfigureAwait(false);

    /// <summary>The file's bytes, refused before reading when it is larger than <paramref name="maxBytes"/> (Ingestion:MaxUnpackedBytes).</summary>
    public static async Task<byte[]> ReadAllBytesAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        CheckSize(path, maxBytes);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Refusal(path, ex) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Refuses a file larger than <paramref name="maxBytes"/> (for a reader that opens the file itself, such as OCR).</summary>
    public static void CheckSize(string path, long maxBytes)
    {
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception ex) when (Refusal(path, ex) is { } refusal)
        {
            throw refusal;
        }

        if (length > maxBytes)
        {
            throw LimitRefusal.FileSize(path, length, maxBytes);
        }
    }

    private static IngestException? Refusal(string path, Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => new IngestException(path, "không tìm thấy tệp; hãy kiểm tra lại đường dẫn.", ex),
        UnauthorizedAccessException => new IngestException(path, "không có quyền đọc tệp.", ex),

        // Most often the file is open and locked by Word on Windows.
        IOException => new IngestException(path, $"không đọc được tệp (có thể đang được mở ở chương trình khác): {ex.Message}", ex),
        _ => null,
    };
}
