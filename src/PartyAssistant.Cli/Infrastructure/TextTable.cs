using Spectre.Console;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Rows of plain text laid out for where they go: tab-separated lines when the output is not a
/// terminal (a pipe or a file, for scripts and spreadsheets); a bordered table at the terminal's
/// width whose columns are never narrower than their longest word; and, when even that does not
/// fit, one block per row ("Cột: giá trị · …") wrapped at spaces. No layout breaks a word.
/// </summary>
public static class TextTable
{
    /// <summary>What the square border and the cell padding take on a line: "│ " before each column and " │" closing it.</summary>
    public static int BorderWidth(int columns) => (3 * columns) + 1;

    /// <summary>Header line and rows, cells split by tabs; tabs and line breaks inside a cell become spaces.</summary>
    public static string Tsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        string.Concat(new[] { headers }.Concat(rows).Select(cells => string.Join('\t', cells.Select(Flat)) + "\n"));

    /// <summary>Column widths that fit <paramref name="width"/> with every word whole, or null when no such widths exist.</summary>
    public static IReadOnlyList<int>? Widths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int width)
    {
        var available = width - BorderWidth(headers.Count);
        var columns = Enumerable.Range(0, headers.Count).Select(i => new[] { headers[i] }.Concat(rows.Select(r => r[i])).ToList()).ToList();
        var least = columns.Select(cells => cells.SelectMany(Words).Select(w => w.GetCellWidth()).DefaultIfEmpty(1).Max()).ToList();
        var most = columns.Select(cells => cells.Select(c => Flat(c).GetCellWidth()).DefaultIfEmpty(1).Max()).ToList();
        if (least.Sum() > available)
        {
            return null;
        }

        if (most.Sum() <= available)
        {
            return most;
        }

        // Every column gets its longest word; the room left is shared out evenly, a column taking no more than
        // its longest cell, so short columns (dates, numbers) stay on one line and long text takes the rest.
        var widths = least.ToList();
        var spare = available - widths.Sum();
        while (spare > 0)
        {
            var growing = Enumerable.Range(0, widths.Count).Where(i => widths[i] < most[i]).ToList();
            var share = Math.Max(1, spare / growing.Count);
            foreach (var i in growing.TakeWhile(_ => spare > 0))
            {
                var added = Math.Min(Math.Min(share, most[i] - widths[i]), spare);
                widths[i] += added;
                spare -= added;
            }
        }

        return widths;
    }

    /// <summary>One block per row: the first cell on its own line, then the other cells as "Cột: giá trị", joined by " · " and wrapped.</summary>
    public static string Records(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int width)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            text.Append(Wrap(Flat(row[0]), width, string.Empty));
            var fields = Enumerable.Range(1, headers.Count - 1).Select(i => $"{headers[i]}: {Flat(row[i])}");
            text.Append(Wrap(string.Join(" · ", fields), width, "  "));
        }

        return text.ToString();
    }

    /// <summary>Lines of at most <paramref name="width"/> cells broken at spaces; a word longer than a line stays whole on its own.</summary>
    public static string Wrap(string text, int width, string indent)
    {
        var lines = new System.Text.StringBuilder();
        var line = new System.Text.StringBuilder(indent);
        foreach (var word in Words(text))
        {
            if (line.Length > indent.Length && (line.ToString() + " " + word).GetCellWidth() > width)
            {
                lines.Append(line).Append('\n');
                line.Clear().Append(indent);
            }

            line.Append(line.Length > indent.Length ? " " : string.Empty).Append(word);
        }

        return lines.Append(line).Append('\n').ToString();
    }

    private static string Flat(string cell) => string.Join(' ', Words(cell));

    private static string[] Words(string text) => text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
