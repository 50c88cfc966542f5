using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartyAssistant.Fakes;

/// <summary>
/// Writes a <see cref="SampleDocument"/> as a Word file laid out the way Party documents are: the
/// header block and the Nơi nhận/signature block as borderless two-column tables, the body as
/// paragraphs. Optionally khoản ("1.") and điểm ("a)") use Word's automatic numbering instead of typed markers.
/// </summary>
public static partial class SampleDocx
{
    private const int KhoanLevel = 0;
    private const int DiemLevel = 1;

    /// <param name="automaticNumbering">Number khoản and điểm with w:numPr (a fresh list per Điều), as many drafters do.</param>
    /// <param name="pageHeaderText">Text put in a page header part, which readers of the body must not see.</param>
    public static void Write(string path, SampleDocument document, bool automaticNumbering = false, string? pageHeaderText = null)
    {
        using var word = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);

        // Lines of the left header cell are one paragraph split by soft line breaks; the right cell
        // uses one paragraph per line. Both ways occur in real files.
        body.Append(TwoColumnTable([LinesWithBreaks(document.HeaderLeft)], document.HeaderRight.Select(Para).ToList()));
        foreach (var line in document.Title)
        {
            body.Append(Para(line));
        }

        var numbering = automaticNumbering ? new NumberingBuilder(main) : null;
        foreach (var text in document.Body)
        {
            body.Append(numbering?.Paragraph(text) ?? Para(text));
        }

        body.Append(TwoColumnTable(document.Recipients.Select(Para).ToList(), document.Signature.Select(Para).ToList()));

        if (pageHeaderText is not null)
        {
            var headerPart = main.AddNewPart<HeaderPart>();
            headerPart.Header = new Header(Para(pageHeaderText));
            body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) }));
        }

        numbering?.Save();
        main.Document.Save();
    }

    /// <summary>A paragraph; a "\n" in <paramref name="text"/> becomes a soft line break (w:br).</summary>
    public static Paragraph Para(string text) => LinesWithBreaks(text.Split('\n'));

    private static Paragraph LinesWithBreaks(IReadOnlyList<string> lines)
    {
        var run = new Run();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new Paragraph(run);
    }

    private static Table TwoColumnTable(IReadOnlyList<Paragraph> left, IReadOnlyList<Paragraph> right)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(none, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }),
            new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "5000" }),
            new TableRow(Cell(left), Cell(right)));
    }

    private static TableCell Cell(IReadOnlyList<Paragraph> paragraphs) =>
        new(paragraphs.Count == 0 ? [new Paragraph()] : paragraphs);

    [GeneratedRegex(@"^(?:(?<khoan>\d+)\. |(?<diem>[a-z])\) )")]
    private static partial Regex MarkerPattern();

    /// <summary>Replaces typed khoản/điểm markers with Word numbering; one list per Điều, restarting at 1/a.</summary>
    private sealed class NumberingBuilder(MainDocumentPart main)
    {
        private readonly Numbering numbering = new(
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }, new LevelSuffix { Val = LevelSuffixValues.Space }) { LevelIndex = KhoanLevel },
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%2)" }, new LevelSuffix { Val = LevelSuffixValues.Space }) { LevelIndex = DiemLevel })
            { AbstractNumberId = 1 });

        private int numId;

        public Paragraph Paragraph(string text)
        {
            if (text.StartsWith("Điều ", StringComparison.Ordinal) || this.numId == 0)
            {
                // Word would continue a list that shares an abstract definition, so each Điều's list restarts explicitly.
                this.numId++;
                this.numbering.Append(new NumberingInstance(
                    new AbstractNumId { Val = 1 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = KhoanLevel },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = DiemLevel })
                { NumberID = this.numId });
            }

            var match = MarkerPattern().Match(text);
            if (!match.Success)
            {
                // "đ)" is not a letter Word counts, so it stays typed; the next automatic letter (e) still comes out
                // right. Past e Word would say f where Vietnamese says g: the samples stop at e.
                return Para(text);
            }

            var paragraph = Para(text[match.Length..]);
            paragraph.PrependChild(new ParagraphProperties(new NumberingProperties(
                new NumberingLevelReference { Val = match.Groups["khoan"].Success ? KhoanLevel : DiemLevel },
                new NumberingId { Val = this.numId })));
            return paragraph;
        }

        public void Save()
        {
            var part = main.AddNewPart<NumberingDefinitionsPart>();
            // Word wants every w:abstractNum before the first w:num.
            part.Numbering = this.numbering;
            part.Numbering.Save();
        }
    }
}
