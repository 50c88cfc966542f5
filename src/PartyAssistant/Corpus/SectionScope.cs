namespace PartyAssistant.Corpus;

/// <summary>Which passages a section a trainer names ("II", "II.3", "dieu-2") takes: shared by quizzes and outlines.</summary>
public static class SectionScope
{
    /// <summary>"II" takes II, II.1 and II.1.2; "dieu-2" takes dieu-2.3; matched on the section path and on the passage's own path. Null takes all.</summary>
    public static bool Contains(CorpusDocument document, Passage passage, string? section)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passage);
        if (section is null)
        {
            return true;
        }

        var own = passage.Id.Length > document.Id.Length + 1 ? passage.Id[(document.Id.Length + 1)..] : passage.Id;
        return Under(passage.SectionPath, section) || Under(own, section);

        static bool Under(string path, string prefix) =>
            path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The message for a section none of <paramref name="passages"/> (those a quiz or an outline would use) is in, naming the sections that hold some.</summary>
    public static string Missing(CorpusDocument document, IReadOnlyCollection<Passage> passages, string? section)
    {
        ArgumentNullException.ThrowIfNull(document);
        var valid = document.Sections.Select(s => s.Path).Where(path => passages.Any(p => Contains(document, p, path)));
        return $"Văn bản {document.Id} không có mục \"{section}\". Các mục hợp lệ: {string.Join(", ", valid)}.";
    }

    /// <summary>A section given by a user, trimmed; null for none.</summary>
    public static string? Normalize(string? section) => string.IsNullOrWhiteSpace(section) ? null : section.Trim();
}
