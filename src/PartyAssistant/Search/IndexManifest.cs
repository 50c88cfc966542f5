namespace PartyAssistant.Search;

/// <summary>Written beside each built index: what it was built from, so a changed corpus is noticed.</summary>
public sealed record IndexManifest(string Fingerprint, int Documents, int Passages, DateTimeOffset BuiltAt, IReadOnlyList<string> Errors);
