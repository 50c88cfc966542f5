namespace PartyAssistant.Corpus;

/// <summary>Reads one corpus Markdown file into a document with its sections and passages.</summary>
public static class CorpusFileParser
{
    public static CorpusDocument Parse(string path, string content)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (metadata, bodyStart) = FrontMatterReader.Read(path, lines);
        var expected = Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(expected, metadata.Id, StringComparison.Ordinal))
        {
            throw new CorpusFormatException(path, 2, $"id \"{metadata.Id}\" phải trùng tên tệp \"{expected}\".");
        }

        var blocks = BodyBlockReader.Read(lines, bodyStart);
        var (sections, passages) = DocumentStructureBuilder.Build(metadata, blocks);
        if (passages.Count == 0 && metadata.Kind == DocumentKind.OfficialText)
        {
            throw new CorpusFormatException(path, bodyStart + 1, "văn bản không có nội dung.");
        }

        return new CorpusDocument(metadata, sections, passages, path)
        {
            ContentHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))),
        };
    }
}
