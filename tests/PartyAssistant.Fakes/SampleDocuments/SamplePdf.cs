using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PartyAssistant.Fakes;

/// <summary>What the PDF writer did with a document, for tests to check against.</summary>
/// <param name="SplitParagraphs">Body paragraphs that a page break cut mid-sentence.</param>
public sealed record SamplePdfLayout(int PageCount, IReadOnlyList<string> SplitParagraphs);

/// <summary>
/// Writes a <see cref="SampleDocument"/> as an A4 PDF laid out like a printed Party document: header
/// block in two columns, centred title and chapter headings, body paragraphs wrapped to the margins
/// with a first-line indent and a little space after, a running header on every page after the
/// first, "Trang n/m" at the foot of every page, Nơi nhận beside the signature at the end.
/// Also writes the broken PDFs ingestion must refuse (no text layer, encrypted, truncated).
/// </summary>
public static class SamplePdf
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double MarginLeft = 85;
    private const double MarginRight = 538;
    private const double FirstBaseline = 772;
    private const double LowestBaseline = 72;
    private const double FontSize = 12;
    private const double LineHeight = 16;
    private const double ParagraphSpacing = 6;
    private const double Indent = 28;
    private const double Gutter = 300;

    public static SamplePdfLayout Write(string path, SampleDocument document)
    {
        var writer = new Writer(LoadFont());
        var layout = writer.Layout(document);
        File.WriteAllBytes(path, writer.Build());
        return layout;
    }

    /// <summary>Pages with only drawn shapes, as a scan without OCR looks to a text extractor.</summary>
    public static void WriteWithoutTextLayer(string path, int pages = 2)
    {
        using var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.DrawRectangle(new PdfPoint(MarginLeft, 400), 300, 200, 2, fill: false);
            page.DrawLine(new PdfPoint(MarginLeft, 380), new PdfPoint(MarginRight, 380), 1);
        }

        File.WriteAllBytes(path, builder.Build());
    }

    /// <summary>The first half of a real PDF: no cross-reference table, no trailer.</summary>
    public static void WriteTruncated(string path, SampleDocument document)
    {
        var writer = new Writer(LoadFont());
        writer.Layout(document);
        var bytes = writer.Build();
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }

    /// <summary>
    /// A minimal one-page PDF whose trailer names a Standard security handler (/Encrypt) with
    /// passwords nobody knows. PdfPig cannot write encryption, so the file is written by hand.
    /// </summary>
    public static void WriteEncrypted(string path)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Filter /Standard /V 1 /R 2 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> /P -4 >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        const string id = "<0123456789ABCDEF0123456789ABCDEF>";
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [{id} {id}] >>\nstartxref\n{xref}\n%%EOF\n");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(pdf.ToString()));
    }

    private static byte[] LoadFont() => File.Exists(FontPath)
        ? File.ReadAllBytes(FontPath)
        : throw new InvalidOperationException(
            $"The sample PDFs need the DejaVu Sans font at {FontPath} for Vietnamese text; install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core).");

    private sealed class Writer(byte[] fontBytes)
    {
        // PdfPig writes simple TrueType fonts, which hold at most 255 distinct characters; Vietnamese
        // with capitals can exceed that, so another copy of the font is added when one fills up.
        private const int CharactersPerFont = 250;

        private readonly PdfDocumentBuilder builder = new();
        private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Characters)> fonts = [];
        private readonly List<PdfPageBuilder> pages = [];
        private readonly Dictionary<string, double> widths = new(StringComparer.Ordinal);
        private readonly List<string> split = [];
        private double y;

        public SamplePdfLayout Layout(SampleDocument document)
        {
            this.NewPage(document);
            var rows = Math.Max(document.HeaderLeft.Count, document.HeaderRight.Count);
            for (var row = 0; row < rows; row++)
            {
                this.CentredIn(document.HeaderLeft.ElementAtOrDefault(row), MarginLeft, Gutter - 15, FontSize);
                this.CentredIn(document.HeaderRight.ElementAtOrDefault(row), Gutter, MarginRight, FontSize);
                this.y -= LineHeight;
            }

            this.y -= 2 * LineHeight;
            foreach (var title in document.Title)
            {
                this.CentredParagraph(document, title);
            }

            this.y -= LineHeight;
            foreach (var paragraph in document.Body)
            {
                if (IsHeading(paragraph))
                {
                    this.CentredParagraph(document, paragraph);
                }
                else
                {
                    this.BodyParagraph(document, paragraph);
                }
            }

            this.Closing(document);
            for (var i = 0; i < this.pages.Count; i++)
            {
                var footer = $"Trang {i + 1}/{this.pages.Count}";
                this.Draw(this.pages[i], footer, (PageWidth - this.Width(footer, 10)) / 2, 36, 10);
            }

            return new SamplePdfLayout(this.pages.Count, this.split);
        }

        public byte[] Build()
        {
            using (this.builder)
            {
                return this.builder.Build();
            }
        }

        private static bool IsHeading(string paragraph) =>
            paragraph.StartsWith("Chương ", StringComparison.Ordinal) || paragraph.StartsWith("Mục ", StringComparison.Ordinal)
            || (paragraph.Any(char.IsLetter) && paragraph.Where(char.IsLetter).All(char.IsUpper));

        private void BodyParagraph(SampleDocument document, string text)
        {
            var lines = this.Wrap(text, MarginRight - MarginLeft, Indent);
            for (var i = 0; i < lines.Count; i++)
            {
                if (this.y < LowestBaseline)
                {
                    var previous = lines[i - 1 >= 0 ? i - 1 : 0];
                    if (i > 0 && !".;:!?".Contains(previous[^1], StringComparison.Ordinal))
                    {
                        this.split.Add(text);
                    }

                    this.NewPage(document);
                }

                this.Draw(this.pages[^1], lines[i], MarginLeft + (i == 0 ? Indent : 0), this.y, FontSize);
                this.y -= LineHeight;
            }

            this.y -= ParagraphSpacing;
        }

        private void CentredParagraph(SampleDocument document, string text)
        {
            foreach (var line in this.Wrap(text, MarginRight - MarginLeft - 60, 0))
            {
                if (this.y < LowestBaseline)
                {
                    this.NewPage(document);
                }

                this.CentredIn(line, MarginLeft, MarginRight, FontSize);
                this.y -= LineHeight;
            }

            this.y -= ParagraphSpacing;
        }

        /// <summary>Nơi nhận on the left, the signature block on the right, kept together on one page.</summary>
        private void Closing(SampleDocument document)
        {
            var rows = Math.Max(document.Recipients.Count, document.Signature.Count);
            if (this.y - ((rows + 1) * LineHeight) < LowestBaseline)
            {
                this.NewPage(document);
            }

            this.y -= LineHeight;
            for (var row = 0; row < rows; row++)
            {
                if (document.Recipients.ElementAtOrDefault(row) is { } recipient)
                {
                    this.Draw(this.pages[^1], recipient, MarginLeft, this.y, 11);
                }

                this.CentredIn(document.Signature.ElementAtOrDefault(row), Gutter, MarginRight, FontSize);
                this.y -= LineHeight;
            }
        }

        private void NewPage(SampleDocument document)
        {
            var page = this.builder.AddPage(PageSize.A4);
            this.pages.Add(page);
            this.y = FirstBaseline;
            if (this.pages.Count > 1)
            {
                this.Draw(page, document.RunningHeader, (PageWidth - this.Width(document.RunningHeader, 10)) / 2, 806, 10);
            }
        }

        private void CentredIn(string? text, double left, double right, double size)
        {
            if (!string.IsNullOrEmpty(text))
            {
                this.Draw(this.pages[^1], text, left + ((right - left - this.Width(text, size)) / 2), this.y, size);
            }
        }

        private List<string> Wrap(string text, double width, double firstIndent)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            var available = width - firstIndent;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && this.Width(candidate, FontSize) > available)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(word);
                    available = width;
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }

        private double Width(string text, double size)
        {
            // All copies of the font measure alike, so one measurement serves for every copy.
            var key = size.ToString(CultureInfo.InvariantCulture) + "|" + text;
            if (!this.widths.TryGetValue(key, out var width))
            {
                var font = this.FontFor(text);
                var letters = this.pages[^1].MeasureText(text, size, new PdfPoint(0, 0), font);
                width = letters.Count == 0 ? 0 : letters.Max(l => l.EndBaseLine.X);
                this.widths[key] = width;
            }

            return width;
        }

        private void Draw(PdfPageBuilder page, string text, double x, double baseline, double size) =>
            page.AddText(text, size, new PdfPoint(x, baseline), this.FontFor(text));

        private PdfDocumentBuilder.AddedFont FontFor(string text)
        {
            var needed = text.ToHashSet();
            foreach (var (font, characters) in this.fonts)
            {
                if (characters.IsSupersetOf(needed) || characters.Count + needed.Count(c => !characters.Contains(c)) <= CharactersPerFont)
                {
                    characters.UnionWith(needed);
                    return font;
                }
            }

            var added = this.builder.AddTrueTypeFont(fontBytes);
            this.fonts.Add((added, needed));
            return added;
        }
    }
}
