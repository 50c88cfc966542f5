using PartyAssistant.Text;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// A two-column data file of the CLI (<c>Messages/*.tsv</c>, embedded): English as a library
/// writes it, tab, the Vietnamese shown instead. "#" starts a comment line.
/// </summary>
public static class MessageTable
{
    public static IReadOnlyList<(string English, string Vietnamese)> Read(string name) => Parse(name, Shipped(name));

    /// <summary>The rows of <paramref name="text"/>; a row without its two columns is an error naming the file and line.</summary>
    public static IReadOnlyList<(string English, string Vietnamese)> Parse(string name, string text)
    {
        var rows = new List<(string, string)>();
        var lines = VietnameseText.Normalize(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 2 || columns[0].Trim().Length == 0 || columns[1].Trim().Length == 0)
            {
                throw new FormatException($"{name}, dòng {i + 1}: cần đúng hai cột cách nhau bằng một dấu tab (tiếng Anh, tiếng Việt).");
            }

            rows.Add((columns[0].Trim(), columns[1].Trim()));
        }

        return rows;
    }

    private static string Shipped(string name) =>
        EmbeddedFiles.Read(typeof(MessageTable).Assembly, "Messages", name, $"Thiếu tệp thông báo {name} trong chương trình.");
}
