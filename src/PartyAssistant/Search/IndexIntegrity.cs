using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PartyAssistant.Search;

/// <summary>
/// Whether an index generation is whole: every file's checksum read once (Lucene's own footers), then a
/// stamp of the files' names, sizes and times written beside them, so later opens only compare the stamp.
/// A file changed, truncated, removed or flipped after that is read again and found out.
/// </summary>
public static class IndexIntegrity
{
    private const string StampFile = "verified.stamp";

    /// <summary>Throws (Lucene's or .NET's exception) when the generation is damaged.</summary>
    public static void Verify(string generation, LuceneDirectory directory)
    {
        var stampPath = Path.Combine(generation, StampFile);
        var stamp = Stamp(generation);
        if (File.Exists(stampPath) && File.ReadAllText(stampPath) == stamp)
        {
            return;
        }

        using (var reader = DirectoryReader.Open(directory))
        {
            foreach (var leaf in reader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
            }
        }

        File.WriteAllText(stampPath, stamp);
    }

    private static string Stamp(string generation)
    {
        var sb = new StringBuilder();
        foreach (var file in new DirectoryInfo(generation).GetFiles().Where(f => f.Name != StampFile).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            sb.Append(file.Name).Append(' ').Append(file.Length.ToString(CultureInfo.InvariantCulture)).Append(' ')
              .Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }
}
