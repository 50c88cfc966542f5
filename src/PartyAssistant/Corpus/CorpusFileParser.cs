namespace PartyAssistant.Corpus;

/// <summary>Reads one corpus Markdown file into a document with its sections and passages.</summary>
public static class CorpusFileParser
{
    public static CorpusDocument Parse(string path, string content) => Parse(path, content, parsedBefore: null);

    /// <param name="parsedBefore">
    /// Hashes of file texts known to parse (the current index was built from them, by this parser): such a file's body is
    /// parsed only when its passages are asked for. Any other file is parsed whole now, so its errors are found now.
    /// </param>
    public static CorpusDocument Parse(string path, string content, IReadOnlySet<string>? parsedBefore)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var hash = HashOf(content);

        // A file known to parse is split into lines only as far as its front matter; the rest waits for its body.
        if (parsedBefore?.Contains(hash) == true && FrontMatterLines(text) is { } head)
        {
            var (known, knownBodyStart) = Read(path, head);
            return CorpusDocument.WithBodyOnDemand(known, path, () => ParseBody(path, text.Split('\n'), knownBodyStart, known)) with { ContentHash = hash };
        }

        var lines = text.Split('\n');
        var (metadata, bodyStart) = Read(path, lines);
        var body = ParseBody(path, lines, bodyStart, metadata);
        return new CorpusDocument(metadata, body.Sections, body.Passages, path) { ContentHash = hash };
    }

    private static (DocumentMetadata Metadata, int BodyStart) Read(string path, string[] lines)
    {
        var (metadata, bodyStart) = FrontMatterReader.Read(path, lines);
        var expected = Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(expected, metadata.Id, StringComparison.Ordinal))
        {
            throw new CorpusFormatException(path, 2, $"id \"{metadata.Id}\" phải trùng tên tệp \"{expected}\".");
        }

        return (metadata, bodyStart);
    }

    /// <summary>The lines from the opening "---" to the closing one, both kept; null when the text does not have both.</summary>
    private static string[]? FrontMatterLines(string text)
    {
        var lines = new List<string>();
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var line = text[start..end];
            var delimiter = line.Trim() == "---";
            lines.Add(line);
            if (lines.Count == 1 ? !delimiter : delimiter)
            {
                return delimiter ? [.. lines] : null;
            }

            start = end + 1;
        }

        return null;
    }

    /// <summary>The hash a parsed file's document carries as <see cref="CorpusDocument.ContentHash"/>.</summary>
    public static string HashOf(string content) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));

    private static DocumentBody ParseBody(string path, string[] lines, int bodyStart, DocumentMetadata metadata)
    {
        var blocks = BodyBlockReader.Read(lines, bodyStart);
        var (sections, passages) = DocumentStructureBuilder.Build(metadata, blocks);
        if (passages.Count == 0 && metadata.Kind == DocumentKind.OfficialText)
        {
            throw new CorpusFormatException(path, bodyStart + 1, "văn bản không có nội dung.");
        }

        return new DocumentBody(sections, passages);
    }
}
