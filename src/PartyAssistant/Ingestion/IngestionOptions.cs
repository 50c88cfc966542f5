namespace PartyAssistant.Ingestion;

/// <summary>
/// What one file may cost to ingest (section "Ingestion"). The defaults are far above any real
/// office document, so only hostile or broken files meet them; each refusal names its key, so a
/// user with a genuine outlier knows what to raise.
/// </summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// Largest amount read from one file: the unpacked parts of a .docx (as its zip directory states
    /// them, and as actually inflated), or the bytes of an .html, .txt or .md file. Embedded pictures
    /// count, so this leaves room for a heavily illustrated report.
    /// </summary>
    public long MaxUnpackedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Entries in a .docx package; Word writes a few dozen, one more per embedded picture.</summary>
    public int MaxZipEntries { get; set; } = 5_000;

    /// <summary>
    /// How many times larger than its packed form a .docx entry may unpack to. Office XML packs 5–20
    /// times; zip bombs pack hundreds or thousands of times (the limit Apache POI uses is 100).
    /// </summary>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>
    /// Element nesting in a .docx part or a web page. Word documents with tables inside tables and
    /// text boxes stay under 40; web pages under 100.
    /// </summary>
    public int MaxNestingDepth { get; set; } = 256;

    /// <summary>Characters in one paragraph of a .docx or a web page (about 30 printed pages).</summary>
    public int MaxParagraphChars { get; set; } = 100_000;

    /// <summary>Seconds to read and recognise one file; a 120-page PDF takes about 3.</summary>
    public int TimeBudgetSeconds { get; set; } = 120;

    /// <summary>
    /// Seconds an `ingest` waits for another ingest into the same corpus to finish (including the
    /// time its user takes to confirm) before giving up.
    /// </summary>
    public int LockWaitSeconds { get; set; } = 300;

    // AngleSharp flattens pages nested deeper than 512, and the Open XML SDK loads parts recursively:
    // a larger limit would promise a check the readers cannot honour.
    internal const int HighestNestingDepth = 512;
}
