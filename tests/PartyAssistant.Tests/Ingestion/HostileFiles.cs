using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>
/// Files built to hurt a reader: zip bombs, absurd nesting, endless paragraphs. Written straight to
/// disk, a piece at a time, so the test itself stays small; nothing binary is kept in the repository.
/// </summary>
internal static class HostileFiles
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A .docx whose document part is <paramref name="unpackedBytes"/> of one repeated paragraph, packed as tight as zip allows.</summary>
    public static void ZipBombDocx(string path, long unpackedBytes) => WordPackage(path, document =>
    {
        document.Write($"<w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        var paragraph = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>aaaaaaaaaaaaaaaa</w:t></w:r></w:p>", 1000));
        for (long written = 0; written < unpackedBytes; written += paragraph.Length)
        {
            document.Write(paragraph);
        }

        document.Write("</w:body></w:document>");
    });

    /// <summary>
    /// <see cref="ZipBombDocx"/> whose zip headers (local and central) claim the document part unpacks
    /// to <paramref name="claimedBytes"/>: a size and a ratio that pass every check made on the directory.
    /// </summary>
    public static void LyingZipBombDocx(string path, long unpackedBytes, uint claimedBytes)
    {
        ZipBombDocx(path, unpackedBytes);
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes("word/document.xml");
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), claimedBytes);
                patched++;
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), claimedBytes);
                patched++;
            }
        }

        Assert.Equal(2, patched);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A .docx of <paramref name="depth"/> tables, each in the only cell of the one before.</summary>
    public static void NestedTablesDocx(string path, int depth) => WordPackage(path, document =>
    {
        document.Write($"<w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        for (var i = 0; i < depth; i++)
        {
            document.Write("<w:tbl><w:tr><w:tc>");
        }

        document.Write("<w:p><w:r><w:t>Đáy</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++)
        {
            document.Write("<w:p/></w:tc></w:tr></w:tbl>");
        }

        document.Write("</w:body></w:document>");
    });

    /// <summary>A .docx whose body is the given paragraphs, each one run of text.</summary>
    public static void PlainDocx(string path, IEnumerable<string> paragraphs) => WordPackage(path, document =>
    {
        document.Write($"<w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        foreach (var paragraph in paragraphs)
        {
            document.Write($"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(paragraph)}</w:t></w:r></w:p>");
        }

        document.Write("</w:body></w:document>");
    });

    /// <summary>A web page of <paramref name="depth"/> nested &lt;div&gt;, none closed.</summary>
    public static void NestedDivsHtml(string path, int depth)
    {
        using var page = new StreamWriter(path, append: false, Utf8);
        page.Write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        for (var i = 0; i < depth; i++)
        {
            page.Write("<div>");
        }

        page.Write("Đảng viên.");
    }

    /// <summary>A web page that is one paragraph of <paramref name="bytes"/> of ordinary sentences.</summary>
    public static void SingleParagraphHtml(string path, long bytes)
    {
        using var page = new StreamWriter(path, append: false, Utf8);
        page.Write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>");
        var sentences = string.Concat(Enumerable.Repeat("Đảng viên phải gương mẫu chấp hành chủ trương của Đảng. ", 200));
        var size = Utf8.GetByteCount(sentences);
        for (long written = 0; written < bytes; written += size)
        {
            page.Write(sentences);
        }

        page.Write("</p></body></html>");
    }

    private static void WordPackage(string path, Action<StreamWriter> writeDocument)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """);
        Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """);
        using var document = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), Utf8);
        writeDocument(document);
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Utf8);
        writer.Write(text);
    }
}
