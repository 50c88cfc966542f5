using System.Globalization;

namespace PartyAssistant.Ingestion;

/// <summary>One word Tesseract read, in the image's pixels (y grows downwards), with its line and its confidence (0–100).</summary>
internal sealed record OcrWord(int Page, int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height, double Confidence, string Text)
{
    public (int Block, int Paragraph, int Line) LineKey => (this.Block, this.Paragraph, this.Line);
}

/// <summary>One image page as Tesseract read it: its size in pixels and its words.</summary>
internal sealed record OcrPage(int Number, int Width, int Height, IReadOnlyList<OcrWord> Words);

/// <summary>Reads Tesseract's TSV output (level, page, block, paragraph, line, word, box, confidence, text).</summary>
internal static class TesseractTsv
{
    /// <summary>The pages in the output, numbered from <paramref name="firstPage"/>.</summary>
    public static List<OcrPage> Parse(string tsv, int firstPage)
    {
        var sizes = new SortedDictionary<int, (int Width, int Height)>();
        var words = new Dictionary<int, List<OcrWord>>();
        foreach (var line in tsv.Split('\n'))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var level))
            {
                continue;
            }

            var numbers = new int[10];
            for (var i = 1; i <= 9; i++)
            {
                numbers[i] = int.Parse(cells[i], CultureInfo.InvariantCulture);
            }

            var page = numbers[1] - 1 + firstPage;
            if (level == 1)
            {
                sizes[page] = (numbers[8], numbers[9]);
                words[page] = [];
            }
            else if (level == 5 && cells[11].Trim() is { Length: > 0 } text)
            {
                var confidence = double.Parse(cells[10], CultureInfo.InvariantCulture);
                words[page].Add(new OcrWord(page, numbers[2], numbers[3], numbers[4], numbers[6], numbers[7], numbers[8], numbers[9], confidence, text));
            }
        }

        return sizes.Select(s => new OcrPage(s.Key, s.Value.Width, s.Value.Height, words[s.Key])).ToList();
    }
}
