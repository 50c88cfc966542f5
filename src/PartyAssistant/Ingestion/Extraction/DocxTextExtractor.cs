using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Reads the body of a Word document: paragraphs in order, tables cell by cell (the header block
/// with số hiệu and ngày is usually a borderless two-column table), automatic numbering as text.
/// Headers and footers are page furniture and are not read.
/// </summary>
public sealed class DocxTextExtractor(IngestionOptions limits) : IDocumentTextExtractor
{
    // Old binary Office files (and password-protected .docx, which Word wraps in one) start with this.
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public DocxTextExtractor()
        : this(new IngestionOptions())
    {
    }

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public async Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await IngestFile.ReadAllBytesAsync(path, limits.MaxUnpackedBytes, cancellationToken).ConfigureAwait(false);
        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            throw new IngestException(path,
                "tệp Word được đặt mật khẩu/mã hoá hoặc thực chất là định dạng .doc cũ; hãy mở bằng Word, bỏ mật khẩu và lưu thành .docx rồi nạp lại.");
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body
                ?? throw new IngestException(path, "tệp .docx hỏng: thiếu phần nội dung chính của tài liệu Word.");
            var reader = new BodyReader(new DocxNumbering(main!), cancellationToken);
            reader.ReadBlocks(body.ChildElements, inCell: false);
            return new ExtractedText(path, "docx", reader.Paragraphs, reader.Page);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException
                                       or System.Xml.XmlException or NotSupportedException)
        {
            throw new IngestException(path, $"tệp .docx hỏng hoặc không phải tài liệu Word (không mở được như tệp Office Open XML): {ex.Message}", ex);
        }
    }

    private sealed class BodyReader(DocxNumbering numbering, CancellationToken cancellationToken)
    {
        public List<ExtractedParagraph> Paragraphs { get; } = [];

        public int Page { get; private set; } = 1;

        public void ReadBlocks(OpenXmlElementList elements, bool inCell)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        this.ReadParagraph(paragraph, inCell);
                        break;
                    case Table table:
                        cancellationToken.ThrowIfCancellationRequested();
                        foreach (var row in table.Elements<TableRow>())
                        {
                            foreach (var cell in row.Elements<TableCell>())
                            {
                                this.ReadBlocks(cell.ChildElements, inCell: true);
                            }
                        }

                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        this.ReadBlocks(content.ChildElements, inCell);
                        break;
                    case CustomXmlBlock custom:
                        this.ReadBlocks(custom.ChildElements, inCell);
                        break;
                }
            }
        }

        private void ReadParagraph(Paragraph paragraph, bool inCell)
        {
            if (paragraph.ParagraphProperties?.PageBreakBefore is { } pageBreakBefore && (pageBreakBefore.Val?.Value ?? true))
            {
                this.Page++;
            }

            var lines = new List<StringBuilder> { new(numbering.NextMarker(paragraph)) };
            var startPage = this.Page;
            this.ReadInline(paragraph.ChildElements, lines, inCell);
            foreach (var line in lines)
            {
                ExtractedTextCleaner.AddParagraph(this.Paragraphs, line.ToString(), startPage);
            }
        }

        private void ReadInline(OpenXmlElementList elements, List<StringBuilder> lines, bool inCell)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Run run:
                        this.ReadRun(run, lines, inCell);
                        break;
                    case DeletedRun or MoveFromRun:
                        // Tracked deletions are not part of the text as it stands.
                        break;
                    case Hyperlink or SimpleField or InsertedRun or MoveToRun or SdtRun or SdtContentRun
                        or CustomXmlRun or BidirectionalOverride or BidirectionalEmbedding:
                        this.ReadInline(element.ChildElements, lines, inCell);
                        break;
                }
            }
        }

        private void ReadRun(Run run, List<StringBuilder> lines, bool inCell)
        {
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text text:
                        lines[^1].Append(text.Text);
                        break;
                    case TabChar or PositionalTab:
                        lines[^1].Append(' ');
                        break;
                    case NoBreakHyphen:
                        lines[^1].Append('-');
                        break;
                    case Break br when br.Type?.Value == BreakValues.Page:
                        this.Page++;
                        lines[^1].Append(' ');
                        break;
                    case Break or CarriageReturn:
                        // Inside a table cell a line break separates the lines of the header block
                        // ("BAN CHẤP HÀNH TRUNG ƯƠNG" / "*" / "Số ..."); in running text it only wraps.
                        if (inCell)
                        {
                            lines.Add(new StringBuilder());
                        }
                        else
                        {
                            lines[^1].Append(' ');
                        }

                        break;
                }
            }
        }
    }
}
