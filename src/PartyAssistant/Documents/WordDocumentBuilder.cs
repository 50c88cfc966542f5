using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartyAssistant.Documents;

/// <summary>
/// A small Word (.docx) writer for the trainer handouts: headings, paragraphs, bullets, numbered
/// items and page breaks, in a font with Vietnamese glyphs. Bullets and numbers are written as
/// text ("• ", "3. ") with a hanging indent rather than Word list numbering, so what is read back
/// from the file is exactly what the page shows, and no numbering part has to be kept consistent.
/// </summary>
public sealed class WordDocumentBuilder
{
    public const string DefaultFont = "Times New Roman";

    /// <summary>The language tag of every run (w:lang): Vietnamese, so Word checks spelling and hyphenates as Vietnamese.</summary>
    public const string Language = "vi-VN";

    private const int Twips = 20; // per point
    private readonly List<OpenXmlElement> body = [];
    private readonly string font;
    private readonly int fontSizePoints;

    public WordDocumentBuilder(string font = DefaultFont, int fontSizePoints = 13)
    {
        this.font = font;
        this.fontSizePoints = fontSizePoints;
    }

    /// <summary>The document title: style "Title", centred.</summary>
    public WordDocumentBuilder Title(string text) => this.Add(this.Styled("Title", text, bold: true, justification: JustificationValues.Center));

    /// <summary>A heading, level 1–3 (styles Heading1–Heading3, so Word's navigation pane lists them).</summary>
    public WordDocumentBuilder Heading(int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        return this.Add(this.Styled($"Heading{level}", text, bold: true));
    }

    public WordDocumentBuilder Paragraph(string text, bool bold = false, bool italic = false) =>
        this.Add(new Paragraph(this.Run(text, bold, italic)));

    public WordDocumentBuilder Bullet(string text, int level = 0) => this.Indented("• ", text, level);

    public WordDocumentBuilder NumberedItem(int number, string text, int level = 0) => this.Indented($"{number}. ", text, level);

    /// <summary>A line of its own such as "A. …" under a numbered item.</summary>
    public WordDocumentBuilder Indented(string marker, string text, int level)
    {
        var left = 360 * (level + 1);
        var paragraph = new Paragraph(
            new ParagraphProperties(new Indentation { Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }),
            this.Run(marker + text));
        return this.Add(paragraph);
    }

    public WordDocumentBuilder PageBreak() => this.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public void Save(Stream stream)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = this.Styles();
        main.Document = new Document(new Body(this.body.Select(e => e.CloneNode(true)).Append(
            new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134 }))));
        main.Document.Save();
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        // OpenXml writes synchronously; build in memory, then write the file in one go (no half-written .docx on error).
        using var buffer = new MemoryStream();
        this.Save(buffer);
        await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private WordDocumentBuilder Add(OpenXmlElement element)
    {
        this.body.Add(element);
        return this;
    }

    private Paragraph Styled(string style, string text, bool bold, JustificationValues? justification = null)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (justification is { } j)
        {
            properties.Append(new Justification { Val = j });
        }

        return new Paragraph(properties, this.Run(text, bold));
    }

    // The font is also set on every run: some viewers ignore document defaults and fall back to a font without Vietnamese glyphs.
    private Run Run(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties(this.Fonts());
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private RunFonts Fonts() => new() { Ascii = this.font, HighAnsi = this.font, ComplexScript = this.font, EastAsia = this.font };

    private Styles Styles()
    {
        var size = (this.fontSizePoints * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(this.Fonts(), new FontSize { Val = size }, new Languages { Val = Language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        // The language is set on the Normal style as well as the defaults: Word's spelling and hyphenation follow the
        // style a paragraph uses, and without it a Vietnamese handout is checked as English.
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new Languages { Val = Language }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(Heading("Title", "Title", this.fontSizePoints + 5, outline: null));
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(Heading($"Heading{level}", $"heading {level}", this.fontSizePoints + 4 - level, outline: level - 1));
        }

        return styles;
    }

    private static Style Heading(string id, string name, int points, int? outline)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = (12 * Twips).ToString(System.Globalization.CultureInfo.InvariantCulture), After = (6 * Twips).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = (points * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
