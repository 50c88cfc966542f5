using PartyAssistant.Storage;

namespace PartyAssistant.Channels.Storage;

/// <summary>
/// What the channels know about delivering replies: the parts a user already has (so an event
/// handled again sends only the rest) and when delivery of an event first failed (so retries stop
/// after <see cref="DeliveryOptions.DeliveryMaxAgeHours"/>, counted across restarts).
/// </summary>
public sealed class OutboxStore(ApplicationDatabase database, TimeProvider clock)
{
    /// <summary>
    /// Sends a reply's parts in order, each once: a part this event already delivered (known by send and place) is
    /// skipped, and one delivered now is recorded, so an event handled again after an outage or a crash sends only the
    /// rest. Without an <paramref name="eventId"/> (a button press) nothing is recorded.
    /// </summary>
    public async Task SendPartsAsync(string channel, string? eventId, int send, int parts, Func<int, Task<PartSent>> deliver, CancellationToken cancellationToken)
    {
        for (var i = 0; i < parts; i++)
        {
            var part = $"{send}.{i}";
            if (eventId is not null && await this.IsPartDeliveredAsync(channel, eventId, part, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            switch (await deliver(i).ConfigureAwait(false))
            {
                case PartSent.Delivered when eventId is not null:
                    await this.MarkPartDeliveredAsync(channel, eventId, part, CancellationToken.None).ConfigureAwait(false);
                    break;
                case PartSent.Refused:
                    return; // the rest would be refused the same way
            }
        }
    }

    public async Task<bool> IsPartDeliveredAsync(string channel, string eventId, string part, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM delivered_parts WHERE channel = $c AND event_id = $e AND part = $p";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$e", eventId);
        command.Parameters.AddWithValue("$p", part);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task MarkPartDeliveredAsync(string channel, string eventId, string part, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO delivered_parts (channel, event_id, part, at_unix_ms) VALUES ($c, $e, $p, $t)";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$e", eventId);
        command.Parameters.AddWithValue("$p", part);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>When delivery of an event's replies first failed (now, if this is the first time).</summary>
    public async Task<DateTimeOffset> FirstDeferredAsync(string channel, string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO deferred_events (channel, event_id, first_at_unix_ms) VALUES ($c, $e, $t);
            SELECT first_at_unix_ms FROM deferred_events WHERE channel = $c AND event_id = $e;
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$e", eventId);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    /// <summary>A reply given up after <see cref="DeliveryOptions.DeliveryMaxAgeHours"/>: kept, with its event, for the office's report.</summary>
    public async Task RecordGivenUpAsync(string channel, string eventId, string payload, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO undelivered (channel, event_id, payload, reason, at_unix_ms) VALUES ($c, $e, $p, $r, $t)";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$e", eventId);
        command.Parameters.AddWithValue("$p", payload);
        command.Parameters.AddWithValue("$r", reason);
        command.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The replies given up, newest first: channel, event id and why.</summary>
    public async Task<IReadOnlyList<(string Channel, string EventId, string Reason)>> GivenUpAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, event_id, reason FROM undelivered ORDER BY at_unix_ms DESC";
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Records older than a week go: no event is retried that long.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM delivered_parts WHERE at_unix_ms < $week;
            DELETE FROM deferred_events WHERE first_at_unix_ms < $week;
            """;
        command.Parameters.AddWithValue("$week", clock.GetUtcNow().AddDays(-7).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What became of one part: delivered; not delivered but the next may be; refused, so the rest would be too.</summary>
public enum PartSent
{
    Delivered,
    NotDelivered,
    Refused,
}
