namespace PartyAssistant.Ingestion;

/// <summary>
/// What the header, type line, title and signature of an official text say. Every field is null
/// when the text does not show it; nothing is guessed.
/// </summary>
/// <param name="Type">"Quy định", "Kết luận", … as the corpus spells types.</param>
/// <param name="Number">Số hiệu as printed, spaces removed: "213-QĐ/TW".</param>
/// <param name="Issuer">The issuing body in normal case: "Bộ Chính trị", "Tỉnh ủy Cà Mau".</param>
/// <param name="Title">The trích yếu as a sentence that starts with the type: "Quy định về trách nhiệm …".</param>
/// <param name="Signer">The name under the signature, in title case: "Trần Quốc Vượng".</param>
/// <param name="Place">The place before the date: "Hà Nội".</param>
public sealed record DetectedMetadata(
    string? Type = null,
    string? Number = null,
    DateOnly? Date = null,
    string? Issuer = null,
    string? Title = null,
    string? Signer = null,
    string? Place = null);

/// <summary>The kinds of block an official text is made of, from the largest container to a line of the signature.</summary>
public enum StructureKind
{
    /// <summary>"Phần thứ nhất", "Phần I".</summary>
    Part,

    /// <summary>"Chương I", "Chương 1".</summary>
    Chapter,

    /// <summary>"Mục 1".</summary>
    Section,

    /// <summary>"Điều 5. …".</summary>
    Article,

    /// <summary>A khoản: "1. …".</summary>
    Clause,

    /// <summary>An điểm: "a) …", "đ) …".</summary>
    Point,

    /// <summary>A Roman-numeral part of a document without articles: "I- …", "II. …".</summary>
    RomanPart,

    /// <summary>"- …", "+ …", "• …".</summary>
    Bullet,

    Paragraph,

    /// <summary>One recipient listed under "Nơi nhận:" (one block per recipient).</summary>
    Recipients,

    /// <summary>The signature block, its lines separated by '\n': "T/M TỈNH ỦY\nBÍ THƯ\n(Đã ký)\nLê Quốc Phong".</summary>
    Signature,
}

/// <summary>
/// One block of the body. <paramref name="Text"/> is without its marker; <paramref name="Marker"/> is the
/// number or letter as printed: Article "5", Chapter "I", Part "thứ nhất", Clause "3", Point "a", RomanPart "II",
/// Bullet "-" or "+", Signature "T/M" (its text keeps the marker line).
/// </summary>
public sealed record StructuredBlock(StructureKind Kind, string Text, string? Marker = null);

/// <summary>An official text read into metadata and body blocks, ready for <see cref="CorpusMarkdownWriter"/>.</summary>
public sealed record RecognizedDocument(DetectedMetadata Metadata, IReadOnlyList<StructuredBlock> Body);
