namespace PartyAssistant.Search;

/// <summary>A ranked passage: what the user reads and what an answer cites.</summary>
/// <param name="ReplacedWarning">Set when the passage's document is no longer in force: "đã được thay thế bởi …".</param>
public sealed record SearchHit(int Rank, string PassageId, string DocumentId, string Label, float Score, string Text, bool FromSummary, string? ReplacedWarning = null);
