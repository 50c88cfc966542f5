using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PartyAssistant.Storage;

/// <summary>
/// The application's embedded SQLite database (data/partyassistant.db): conversations now; bot
/// offsets, tokens and feedback share it. The schema is created on first use.
/// </summary>
public sealed partial class ApplicationDatabase(IOptions<StorageOptions> options, ILogger<ApplicationDatabase>? logger = null)
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS conversation_turns (
            conversation TEXT NOT NULL,
            at_unix_ms INTEGER NOT NULL,
            question TEXT NOT NULL,
            standalone_question TEXT NOT NULL,
            answer TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS conversation_turns_by_conversation ON conversation_turns (conversation, at_unix_ms);
        CREATE INDEX IF NOT EXISTS conversation_turns_by_time ON conversation_turns (at_unix_ms);
        CREATE TABLE IF NOT EXISTS channel_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS processed_updates (channel TEXT NOT NULL, update_id TEXT NOT NULL, at_unix_ms INTEGER NOT NULL, PRIMARY KEY (channel, update_id));
        CREATE TABLE IF NOT EXISTS inbox (channel TEXT NOT NULL, update_id INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (channel, update_id));
        CREATE TABLE IF NOT EXISTS delivered_parts (channel TEXT NOT NULL, event_id TEXT NOT NULL, part TEXT NOT NULL, at_unix_ms INTEGER NOT NULL, PRIMARY KEY (channel, event_id, part));
        CREATE TABLE IF NOT EXISTS deferred_events (channel TEXT NOT NULL, event_id TEXT NOT NULL, first_at_unix_ms INTEGER NOT NULL, PRIMARY KEY (channel, event_id));
        CREATE TABLE IF NOT EXISTS undelivered (channel TEXT NOT NULL, event_id TEXT NOT NULL, payload TEXT NOT NULL, reason TEXT NOT NULL, at_unix_ms INTEGER NOT NULL, PRIMARY KEY (channel, event_id));
        CREATE TABLE IF NOT EXISTS answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL, chat TEXT NOT NULL, user TEXT NOT NULL,
            question TEXT NOT NULL, answer_json TEXT NOT NULL, at_unix_ms INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS feedback (
            answer_id INTEGER NOT NULL, user TEXT NOT NULL, vote INTEGER NOT NULL, at_unix_ms INTEGER NOT NULL,
            PRIMARY KEY (answer_id, user)
        );
        CREATE TABLE IF NOT EXISTS question_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL, at_unix_ms INTEGER NOT NULL, user_hash TEXT NOT NULL,
            question TEXT NOT NULL, outcome TEXT NOT NULL, focus TEXT NOT NULL, answer_id INTEGER
        );
        CREATE INDEX IF NOT EXISTS question_log_by_time ON question_log (at_unix_ms);
        CREATE TABLE IF NOT EXISTS question_citations (
            question_id INTEGER NOT NULL, passage_id TEXT NOT NULL, label TEXT NOT NULL,
            PRIMARY KEY (question_id, passage_id)
        );
        CREATE TABLE IF NOT EXISTS quiz_sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL, chat TEXT NOT NULL,
            document_id TEXT NOT NULL, items_json TEXT NOT NULL,
            position INTEGER NOT NULL, score INTEGER NOT NULL, at_unix_ms INTEGER NOT NULL,
            UNIQUE (channel, chat)
        );
        """;

    private readonly SemaphoreSlim initialised = new(1, 1);
    private bool ready;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(options.Value.DataDirectory), "partyassistant.db");

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!this.ready)
        {
            await this.InitialiseAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(this.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // SQLite's own busy handler waits in short steps while another writer holds the lock; the
        // driver's fallback sleeps 150 ms at a time on a pool thread, which stalls webhook acks.
        // synchronous=NORMAL is safe in WAL mode against application crashes.
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA busy_timeout = {this.BusyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private int BusyTimeoutMs => (int)Math.Clamp(options.Value.BusyTimeoutSeconds * 1000, 100, 60_000);

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = this.Path, DefaultTimeout = Math.Max(1, this.BusyTimeoutMs / 1000) }.ToString();

    /// <summary>What was found wrong with the database at start and done about it (in Vietnamese); null when nothing.</summary>
    public string? RecoveryNotice { get; private set; }

    // Written once the schema exists: a database that later turns up missing or empty lost data, and says so.
    private string Sentinel => this.Path + ".created";

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await this.initialised.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (this.ready)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(this.Path)!;
            Directory.CreateDirectory(folder);
            FileModes.OwnerOnly(folder, directory: true);
            if (File.Exists(this.Sentinel) && (!File.Exists(this.Path) || new FileInfo(this.Path).Length == 0))
            {
                this.RecoveryNotice = $"Cơ sở dữ liệu {this.Path} đã bị xoá hoặc làm rỗng từ bên ngoài: các cuộc trò chuyện, tin chờ trả lời và token Zalo đã lưu không còn; đã tạo cơ sở dữ liệu mới.";
            }

            try
            {
                await this.CreateSchemaAsync(checkFirst: File.Exists(this.Path) && new FileInfo(this.Path).Length > 0, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is Corrupt or NotADatabase)
            {
                // Kept for inspection, never overwritten: the office can still try to read what it held.
                var aside = $"{this.Path}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
                SqliteConnection.ClearAllPools();
                File.Move(this.Path, aside);
                foreach (var suffix in new[] { "-wal", "-shm" })
                {
                    if (File.Exists(this.Path + suffix))
                    {
                        File.Move(this.Path + suffix, aside + suffix);
                    }
                }

                this.RecoveryNotice = $"Cơ sở dữ liệu hỏng ({e.Message}) đã được chuyển sang {aside} và tạo mới: các cuộc trò chuyện, tin chờ trả lời và token Zalo đã lưu trong đó không còn được dùng.";
                await this.CreateSchemaAsync(checkFirst: false, cancellationToken).ConfigureAwait(false);
            }

            FileModes.OwnerOnly(this.Path, directory: false);
            if (this.RecoveryNotice is { } notice && logger is not null)
            {
                LogRecovered(logger, notice);
            }

            if (!File.Exists(this.Sentinel))
            {
                await File.WriteAllTextAsync(this.Sentinel, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }

            this.ready = true;
        }
        finally
        {
            this.initialised.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Notice}")]
    private static partial void LogRecovered(ILogger logger, string notice);

    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    private async Task CreateSchemaAsync(bool checkFirst, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(this.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (checkFirst)
        {
            // quick_check reads every page once: a bit-flipped or zeroed file is found here, not in the middle of a webhook.
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check;";
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string result && result != "ok")
            {
                throw new SqliteException($"quick_check: {result}", Corrupt);
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
