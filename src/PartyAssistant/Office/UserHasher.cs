using System.Security.Cryptography;
using System.Text;
using PartyAssistant.Channels.Storage;

namespace PartyAssistant.Office;

/// <summary>
/// Who asked, as the office may keep it: an HMAC of the channel and user id under a random salt made once per
/// database. The same person counts as one across questions; the id itself, and any name, is never stored.
/// </summary>
public sealed class UserHasher(ChannelStateStore state)
{
    private const string SaltKey = "question-log-salt";
    private byte[]? salt;

    public async Task<string> HashAsync(string channel, string user, CancellationToken cancellationToken)
    {
        var key = this.salt ??= await this.LoadSaltAsync(cancellationToken).ConfigureAwait(false);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{channel}\n{user}"));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    // Two first callers (or two processes) end with the one salt that was stored.
    private async Task<byte[]> LoadSaltAsync(CancellationToken cancellationToken) =>
        Convert.FromBase64String(await state.GetOrAddAsync(SaltKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken).ConfigureAwait(false));
}
