namespace PartyAssistant.Ingestion;

/// <summary>
/// One ingest at a time per corpus, across processes: a lock file in the corpus folder held open with
/// <see cref="FileShare.None"/> (an advisory flock on Linux and macOS, a share lock on Windows). The
/// operating system lets go of it when the process ends, however it ends, so a killed ingest never
/// leaves the corpus locked. The file itself stays: deleting it on release would let a waiting
/// process and a newcomer each lock a different file.
/// </summary>
public sealed class IngestLock : IDisposable
{
    public const string FileName = ".ingest.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly FileStream handle;

    private IngestLock(FileStream handle) => this.handle = handle;

    /// <param name="onWaiting">Called once, with a Vietnamese notice, when another ingest holds the lock.</param>
    /// <exception cref="IngestException">Another ingest still held the lock after <paramref name="wait"/>.</exception>
    public static async Task<IngestLock> AcquireAsync(string corpusDirectory, TimeSpan wait, Action<string> onWaiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWaiting);
        Directory.CreateDirectory(corpusDirectory);
        var path = Path.Combine(corpusDirectory, FileName);
        var started = TimeProvider.System.GetTimestamp();
        var told = false;
        while (true)
        {
            try
            {
                return new IngestLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                if (TimeProvider.System.GetElapsedTime(started) >= wait)
                {
                    throw new IngestException(corpusDirectory,
                        $"đang có lượt nạp khác vào corpus này; đã chờ {wait.TotalSeconds:0} giây (Ingestion:LockWaitSeconds) mà lượt đó chưa xong. "
                        + "Chưa ghi gì; hãy thử lại sau.", e);
                }

                if (!told)
                {
                    onWaiting($"Đang có lượt nạp khác vào corpus này; chờ lượt đó xong (tối đa {wait.TotalSeconds:0} giây) …");
                    told = true;
                }

                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => this.handle.Dispose();

    // Only a refusal to share means "another ingest": a missing folder, a read-only disk or a full
    // one must not be waited out and then reported as a busy corpus.
    private static bool IsHeldElsewhere(IOException e) =>
        e.GetType() == typeof(IOException) && (e.HResult & 0xFFFF) is SharingViolation or LockViolation or WouldBlockLinux or WouldBlockMac;

    private const int SharingViolation = 32;   // Windows ERROR_SHARING_VIOLATION
    private const int LockViolation = 33;      // Windows ERROR_LOCK_VIOLATION
    private const int WouldBlockLinux = 11;    // EWOULDBLOCK from flock
    private const int WouldBlockMac = 35;
}
