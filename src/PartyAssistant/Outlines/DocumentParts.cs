using PartyAssistant.Corpus;

namespace PartyAssistant.Outlines;

/// <summary>A top part of a document with the passages of each of its topics, in document order.</summary>
internal sealed record DocumentPart(string Heading, IReadOnlyList<DocumentTopic> Topics);

/// <summary>An item or article and its passages; no heading for the part's own paragraphs.</summary>
internal sealed record DocumentTopic(string? Heading, IReadOnlyList<Passage> Passages);

/// <summary>
/// Reads the parts a session follows from a document's sections: the Roman parts of a Party
/// conclusion (I, II, III with their numbered items), the chapters of an ingested text (Chương
/// with their Điều), or the headings of a summary. The title block, recipients and signature are
/// not taught, so they are left out.
/// </summary>
internal static class DocumentParts
{
    private static readonly HashSet<string> NotTaught = new(StringComparer.Ordinal) { "mo-dau", "noi-nhan", "ky" };

    public static IReadOnlyList<DocumentPart> Read(CorpusDocument document)
    {
        var tops = document.Sections.Where(s => !s.Path.Contains('.', StringComparison.Ordinal) && !NotTaught.Contains(s.Path)).ToList();
        var parts = tops.Any(IsChapter) ? ByChapter(document, tops) : ByTopSection(document, tops);
        return parts.Where(p => p.Topics.Count > 0).ToList();
    }

    /// <summary>Teachable passages: everything but the title block, recipients and signature.</summary>
    public static IEnumerable<Passage> Taught(CorpusDocument document) =>
        document.Passages.Where(p => !NotTaught.Contains(p.SectionPath.Split('.')[0]));

    // An ingested text's articles are top sections of their own; the chapter they follow is their part.
    private static List<DocumentPart> ByChapter(CorpusDocument document, List<Section> tops)
    {
        var parts = new List<(Section Head, List<DocumentTopic> Topics)>();
        foreach (var section in tops)
        {
            // Sections before the first chapter (an introduction) stand as parts of their own.
            if (IsChapter(section) || parts.Count == 0 || !IsChapter(parts[^1].Head))
            {
                parts.Add((section, []));
                AddTopic(parts[^1].Topics, null, Within(document, section));
            }
            else
            {
                AddTopic(parts[^1].Topics, section.Heading, Within(document, section));
            }
        }

        return parts.Select(p => new DocumentPart(p.Head.Heading, p.Topics)).ToList();
    }

    // A Roman part holds its own paragraphs and its numbered items (II.1, II.2 …) as topics.
    private static List<DocumentPart> ByTopSection(CorpusDocument document, List<Section> tops)
    {
        var parts = new List<DocumentPart>();
        foreach (var top in tops)
        {
            var topics = new List<DocumentTopic>();
            AddTopic(topics, null, document.Passages.Where(p => p.SectionPath == top.Path));
            var children = document.Sections.Where(s => s.Path.StartsWith(top.Path + ".", StringComparison.Ordinal) &&
                !s.Path[(top.Path.Length + 1)..].Contains('.', StringComparison.Ordinal));
            foreach (var child in children)
            {
                AddTopic(topics, child.Heading, Within(document, child));
            }

            parts.Add(new DocumentPart(top.Heading, topics));
        }

        return parts;
    }

    private static void AddTopic(List<DocumentTopic> topics, string? heading, IEnumerable<Passage> passages)
    {
        var list = passages.ToList();
        if (list.Count > 0)
        {
            topics.Add(new DocumentTopic(heading, list));
        }
    }

    private static IEnumerable<Passage> Within(CorpusDocument document, Section section) =>
        document.Passages.Where(p => p.SectionPath == section.Path || p.SectionPath.StartsWith(section.Path + ".", StringComparison.Ordinal));

    private static bool IsChapter(Section section) =>
        section.LabelPart.StartsWith("Chương ", StringComparison.OrdinalIgnoreCase) || section.LabelPart.StartsWith("Phần ", StringComparison.OrdinalIgnoreCase);
}
