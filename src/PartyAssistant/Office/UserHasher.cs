using System.Security.Cryptography;
using System.Text;
using PartyAssistant.Storage;

namespace PartyAssistant.Office;

/// <summary>
/// Who asked, as the office may keep it: an HMAC of the channel and user id under a random salt made once per
/// database. The same person counts as one across questions; the id itself, and any name, is never stored.
/// </summary>
public sealed class UserHasher(ApplicationDatabase database)
{
    private const string SaltKey = "question-log-salt";
    private byte[]? salt;

    public async Task<string> HashAsync(string channel, string user, CancellationToken cancellationToken)
    {
        var key = this.salt ??= await this.LoadSaltAsync(cancellationToken).ConfigureAwait(false);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{channel}\n{user}"));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    // INSERT OR IGNORE then read: two first callers (or two processes) end with the one salt that was stored.
    private async Task<byte[]> LoadSaltAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO channel_state (key, value) VALUES ($k, $v); SELECT value FROM channel_state WHERE key = $k;";
        command.Parameters.AddWithValue("$k", SaltKey);
        command.Parameters.AddWithValue("$v", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Convert.FromBase64String((string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }
}
