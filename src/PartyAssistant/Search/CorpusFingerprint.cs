using System.Security.Cryptography;
using System.Text;

namespace PartyAssistant.Search;

/// <summary>A hash of every corpus file's name and bytes, and of the index format: when it changes, the index is rebuilt.</summary>
public static class CorpusFingerprint
{
    // Bump when analysis or fields change, so existing indexes are rebuilt.
    /// <summary>The index layout; changing what is indexed changes this, and with it every fingerprint.</summary>
    public const string IndexFormat = "passages-v16";

    public static async Task<string> ComputeAsync(string corpusDirectory, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(IndexFormat));
        foreach (var file in Directory.EnumerateFiles(corpusDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + Path.GetFileName(file) + "\n"));
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    /// <summary>
    /// Names, sizes and modification times of the corpus files: cheap to read, and it changes
    /// whenever a file is written, so the content hash is recomputed only then.
    /// </summary>
    public static string Stamp(string corpusDirectory) => !Directory.Exists(corpusDirectory) ? string.Empty : string.Join('\n', Directory.EnumerateFiles(corpusDirectory, "*.md")
        .Order(StringComparer.Ordinal)
        .Select(file => new FileInfo(file))
        .Select(info => $"{info.Name}|{info.Length}|{info.LastWriteTimeUtc.Ticks}"));
}
