namespace PartyAssistant.Corpus;

/// <summary>One paragraph, bullet, heading or item of a document body, as written, with its first line number.</summary>
internal sealed record BodyBlock(BlockKind Kind, string Text, int Line, string? Marker = null, string? ExplicitId = null);

internal enum BlockKind
{
    Heading,
    Part,
    NumberedItem,
    Bullet,
    Point,
    Paragraph,
    Recipients,
    Signature,
}
