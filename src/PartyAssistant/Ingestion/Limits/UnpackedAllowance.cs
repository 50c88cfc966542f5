namespace PartyAssistant.Ingestion;

/// <summary>
/// What may still be inflated from one file, shared by every part read from it: a zip directory can
/// understate sizes, so what is actually read is counted too.
/// </summary>
internal sealed class UnpackedAllowance(string path, long limit)
{
    private long used;

    /// <exception cref="IngestException">More than Ingestion:MaxUnpackedBytes has now been read.</exception>
    public void Take(int bytes)
    {
        this.used += bytes;
        if (this.used > limit)
        {
            throw LimitRefusal.Unpacked(path, bytes: null, limit);
        }
    }
}
