namespace PartyAssistant.Search;

/// <summary>A ranked passage: what the user reads and what an answer cites.</summary>
public sealed record SearchHit(int Rank, string PassageId, string DocumentId, string Label, float Score, string Text, bool FromSummary);
