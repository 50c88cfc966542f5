using System.IO.Compression;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Judges a .docx by its zip directory before anything is inflated: how many entries, how large they
/// say they unpack to, and how far each is compressed. A zip bomb is refused here in milliseconds.
/// </summary>
internal static class DocxPackageCheck
{
    // A small entry may compress absurdly well (an empty table grid, a run of spaces) and still cost
    // nothing; the ratio only says "bomb" once there is something large to inflate.
    private const long RatioGraceBytes = 1024 * 1024;

    /// <exception cref="IngestException">A limit is passed; the message names its setting.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip.</exception>
    public static void Check(string path, Stream package, IngestionOptions limits)
    {
        using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries;
        if (entries.Count > limits.MaxZipEntries)
        {
            throw LimitRefusal.Entries(path, entries.Count, limits.MaxZipEntries);
        }

        long total = 0;
        foreach (var entry in entries)
        {
            // Saturating: a forged directory may state sizes whose sum overflows.
            total = entry.Length > long.MaxValue - total ? long.MaxValue : total + entry.Length;
        }

        if (total > limits.MaxUnpackedBytes)
        {
            throw LimitRefusal.Unpacked(path, total, limits.MaxUnpackedBytes);
        }

        foreach (var entry in entries)
        {
            var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
            if (entry.Length >= RatioGraceBytes && ratio > limits.MaxCompressionRatio)
            {
                throw LimitRefusal.Ratio(path, entry.FullName, ratio, limits.MaxCompressionRatio);
            }
        }
    }
}
