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
            DocxPackageCheck.Check(path, stream, limits);
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes });
            var main = document.MainDocumentPart
                ?? throw new IngestException(path, "tệp .docx hỏng: thiếu phần nội dung chính của tài liệu Word.");

            // The SDK builds its trees recursively (each paragraph of the body, the numbering, the styles):
            // the parts they come from are looked over as streams first, which bounds their depth.
            var allowance = new UnpackedAllowance(path, limits.MaxUnpackedBytes);
            foreach (var part in new OpenXmlPart?[] { main, main.NumberingDefinitionsPart, main.StyleDefinitionsPart })
            {
                if (part is not null)
                {
                    DocxPartCheck.Check(path, part.GetStream(FileMode.Open, FileAccess.Read), limits, allowance, countParagraphs: part == main, cancellationToken);
                }
            }

            var reader = new BodyReader(new DocxNumbering(main), cancellationToken);
            if (!reader.Read(main))
            {
                throw new IngestException(path, "tệp .docx hỏng: thiếu phần nội dung chính của tài liệu Word.");
            }

            return new ExtractedText(path, "docx", reader.Paragraphs, reader.Page);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException
                                       or System.Xml.XmlException or NotSupportedException)
        {
            throw new IngestException(path, $"tệp .docx hỏng hoặc không phải tài liệu Word (không mở được như tệp Office Open XML): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads the body as a stream of elements, loading one paragraph at a time: memory follows the
    /// text, not the markup (a whole-body tree of a 50 MB part takes half a gigabyte). Tables, content
    /// controls and custom XML are entered with a stack of their own, not by recursion.
    /// </summary>
    private sealed class BodyReader(DocxNumbering numbering, CancellationToken cancellationToken)
    {
        private enum Container
        {
            Blocks,
            Table,
            Row,
            ContentControl,
        }

        /// <summary>An element being read through, at its depth in the part, and whether its paragraphs are in a table cell.</summary>
        private readonly record struct Frame(Container Kind, int Depth, bool InCell);

        public List<ExtractedParagraph> Paragraphs { get; } = [];

        public int Page { get; private set; } = 1;

        /// <returns>Whether the part has a body.</returns>
        public bool Read(MainDocumentPart main)
        {
            using var reader = OpenXmlReader.Create(main);
            var open = new Stack<Frame>();
            var sawBody = false;
            var elements = 0;
            var more = reader.Read();
            while (more)
            {
                if ((++elements & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (reader.IsEndElement)
                {
                    if (open.TryPeek(out var closing) && closing.Depth == reader.Depth)
                    {
                        open.Pop();
                    }

                    more = reader.Read();
                    continue;
                }

                var type = reader.ElementType;
                var depth = reader.Depth;
                Frame? enter = null;
                if (!open.TryPeek(out var parent))
                {
                    if (type == typeof(Document))
                    {
                        more = reader.Read();
                        continue;
                    }

                    if (type == typeof(Body))
                    {
                        sawBody = true;
                        enter = new Frame(Container.Blocks, depth, InCell: false);
                    }
                }
                else if (parent.Kind == Container.Blocks && type == typeof(Paragraph))
                {
                    // The reader is left on the paragraph's end tag.
                    this.ReadParagraph((Paragraph)reader.LoadCurrentElement()!, parent.InCell);
                    more = reader.Read();
                    continue;
                }
                else
                {
                    enter = (parent.Kind, type) switch
                    {
                        (Container.Blocks, var t) when t == typeof(Table) => new Frame(Container.Table, depth, parent.InCell),
                        (Container.Blocks, var t) when t == typeof(SdtBlock) => new Frame(Container.ContentControl, depth, parent.InCell),
                        (Container.Blocks, var t) when t == typeof(CustomXmlBlock) => new Frame(Container.Blocks, depth, parent.InCell),
                        (Container.ContentControl, var t) when t == typeof(SdtContentBlock) => new Frame(Container.Blocks, depth, parent.InCell),
                        (Container.Table, var t) when t == typeof(TableRow) => new Frame(Container.Row, depth, parent.InCell),
                        (Container.Row, var t) when t == typeof(TableCell) => new Frame(Container.Blocks, depth, InCell: true),
                        _ => null,
                    };
                }

                if (enter is { } frame)
                {
                    open.Push(frame);
                    more = reader.Read();
                }
                else
                {
                    // Properties, bookmarks, section settings: nothing to read. Skip leaves the reader on the next element.
                    reader.Skip();
                    more = !reader.EOF;
                }
            }

            return sawBody;
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
            var pending = new Stack<OpenXmlElement>(elements.Reverse());
            while (pending.TryPop(out var element))
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
                        foreach (var child in element.ChildElements.Reverse())
                        {
                            pending.Push(child);
                        }

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
