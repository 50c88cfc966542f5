using System.Globalization;

namespace PartyAssistant.Ingestion;

/// <summary>
/// The refusals of a file that goes past an ingestion limit: each says which limit, by how much, and
/// the setting that raises it, so a genuine outlier can still be ingested on purpose.
/// </summary>
internal static class LimitRefusal
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="bytes">The size the file states, or null when reading found it larger than it said.</param>
    public static IngestException Unpacked(string path, long? bytes, long limit) => new(path,
        $"nội dung giải nén {(bytes is { } size ? $"lớn {Megabytes(size)}, vượt" : "vượt")} giới hạn {Megabytes(limit)} (Ingestion:MaxUnpackedBytes); "
        + "có thể là tệp \"bom nén\". Nếu đúng là văn bản thật, hãy tăng Ingestion:MaxUnpackedBytes.");

    public static IngestException FileSize(string path, long bytes, long limit) => new(path,
        $"tệp lớn {Megabytes(bytes)}, vượt giới hạn {Megabytes(limit)} (Ingestion:MaxUnpackedBytes); văn bản thật hiếm khi lớn như vậy. "
        + "Nếu đúng là văn bản cần nạp, hãy tăng Ingestion:MaxUnpackedBytes.");

    public static IngestException Entries(string path, int entries, int limit) => new(path,
        $"tệp .docx có {Count(entries)} thành phần, vượt giới hạn {Count(limit)} (Ingestion:MaxZipEntries).");

    public static IngestException Ratio(string path, string entry, double ratio, double limit) => new(path,
        $"thành phần {entry} của tệp .docx nén tới {Count(ratio)} lần, vượt giới hạn {Count(limit)} lần (Ingestion:MaxCompressionRatio); "
        + "văn bản thật không nén được như vậy, đây có thể là tệp \"bom nén\".");

    public static IngestException Depth(string path, int limit) => new(path,
        $"các phần tử lồng nhau quá {Count(limit)} tầng (Ingestion:MaxNestingDepth); văn bản thật không lồng sâu như vậy.");

    public static IngestException Paragraph(string path, int limit) => new(path,
        $"có đoạn văn dài hơn {Count(limit)} ký tự (Ingestion:MaxParagraphChars); hãy kiểm tra tệp, hoặc tăng Ingestion:MaxParagraphChars nếu đúng là văn bản thật.");

    public static IngestException Time(string path, int seconds) => new(path,
        $"đọc và nhận dạng tệp quá {Count(seconds)} giây (Ingestion:TimeBudgetSeconds) nên đã dừng; chưa ghi gì của tệp này vào corpus.");

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,0.#", Vietnamese) + " MB";

    private static string Count(double value) => value.ToString("#,0.#", Vietnamese);
}
