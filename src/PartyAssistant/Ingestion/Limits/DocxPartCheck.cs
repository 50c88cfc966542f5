using System.Xml;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Reads one XML part of a .docx as a stream, before the Open XML SDK loads it (which it does
/// recursively, one stack frame per level): refuses nesting deeper than Ingestion:MaxNestingDepth,
/// paragraphs longer than Ingestion:MaxParagraphChars, and more inflated bytes than the file may use.
/// Memory stays flat: text is counted in chunks, never held.
/// </summary>
internal static class DocxPartCheck
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <param name="countParagraphs">Measure w:p paragraphs (the main document); other parts are only checked for depth and size.</param>
    public static void Check(string path, Stream part, IngestionOptions limits, UnpackedAllowance allowance, bool countParagraphs, CancellationToken cancellationToken)
    {
        using var capped = new CappedReadStream(part, allowance);
        using var reader = XmlReader.Create(capped, Settings);
        var chunk = new char[16 * 1024];
        var paragraphDepth = -1;
        long paragraphChars = 0;
        var nodes = 0;
        while (reader.Read())
        {
            if ((++nodes & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth + 1 > limits.MaxNestingDepth)
                    {
                        throw LimitRefusal.Depth(path, limits.MaxNestingDepth);
                    }

                    if (countParagraphs && paragraphDepth < 0 && !reader.IsEmptyElement && IsParagraph(reader))
                    {
                        paragraphDepth = reader.Depth;
                        paragraphChars = 0;
                    }

                    break;
                case XmlNodeType.EndElement when reader.Depth == paragraphDepth:
                    paragraphDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // Chunks, not reader.Value: one text node may be the whole bomb.
                    long nodeChars = 0;
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        nodeChars += read;
                        paragraphChars += paragraphDepth >= 0 ? read : 0;
                        if (nodeChars > limits.MaxParagraphChars || paragraphChars > limits.MaxParagraphChars)
                        {
                            throw LimitRefusal.Paragraph(path, limits.MaxParagraphChars);
                        }
                    }

                    break;
            }
        }
    }

    private static bool IsParagraph(XmlReader reader) => reader.LocalName == "p" && reader.NamespaceURI == WordNamespace;
}
