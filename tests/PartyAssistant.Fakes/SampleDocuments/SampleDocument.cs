namespace PartyAssistant.Fakes;

/// <summary>
/// A made-up official document as its parts: the two-column header block, title, body paragraphs
/// (Chương, Điều, khoản "1.", điểm "a)" written out as text), Nơi nhận and the signature block.
/// The sample writers lay it out as .docx, .pdf or .html.
/// </summary>
public sealed record SampleDocument(
    IReadOnlyList<string> HeaderLeft,
    IReadOnlyList<string> HeaderRight,
    IReadOnlyList<string> Title,
    IReadOnlyList<string> Body,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Signature)
{
    /// <summary>The line the PDF prints at the top of every page after the first.</summary>
    public string RunningHeader { get; init; } = "Quy định số 99-QĐ/TW";

    /// <summary>Every paragraph in the order a reader meets them (header block left column first).</summary>
    public IReadOnlyList<string> Paragraphs =>
        [.. this.HeaderLeft, .. this.HeaderRight, .. this.Title, .. this.Body, .. this.Recipients, .. this.Signature];
}
