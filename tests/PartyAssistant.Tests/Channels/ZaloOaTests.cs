using PartyAssistant.Fakes;
using PartyAssistant.Channels;

namespace PartyAssistant.Tests.Channels;

/// <summary>The Official Account path against a fake Zalo OA (message and OAuth endpoints) on 127.0.0.1.</summary>
public sealed class ZaloOaTests : IAsyncLifetime
{
    private const string Question = "Cấp ủy có phải tiếp dân định kỳ không?";
    private readonly TempDirectory data = new();
    private FakeZaloOaServer server = null!;
    // Events carry the current time: the webhook refuses stamps outside its window.
    private long clock = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async Task InitializeAsync() => this.server = await FakeZaloOaServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    private ZaloTestHost Host() => new(this.data.Path, this.server.BaseUrl, null);

    private (string Body, string Signature) Event(string user, string text, string msgId)
    {
        var timestamp = ++this.clock;
        var body = FakeZaloOaServer.UserSendTextEvent("app-123", user, "oa-1", text, msgId, timestamp);
        return (body, FakeZaloOaServer.Sign("app-123", body, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), ZaloTestHost.OaSecretKey));
    }

    [Fact]
    public async Task A_signed_question_is_answered_with_citations_and_passage_ids()
    {
        using var host = this.Host();
        var (body, signature) = this.Event("user-1", Question, "m1");

        var (status, handled) = await host.Oa.HandleAsync(signature, body, CancellationToken.None);
        await handled;

        Assert.Equal(200, status);
        var sent = Assert.Single(this.server.SentMessages);
        Assert.Equal("user-1", sent.UserId);
        Assert.Contains("[1]", sent.Text, StringComparison.Ordinal);
        Assert.Contains("gửi: xem kl-tu-nq03/II.3.1", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_without_the_mac_prefix_is_accepted()
    {
        using var host = this.Host();
        var (body, signature) = this.Event("user-1", Question, "m1");
        var (status, handled) = await host.Oa.HandleAsync(signature["mac=".Length..], body, CancellationToken.None);
        await handled;
        Assert.Equal(200, status);
        Assert.Single(this.server.SentMessages);
    }

    [Fact]
    public async Task Tampered_unsigned_or_wrongly_keyed_events_are_rejected_without_work()
    {
        using var host = this.Host();
        var (body, signature) = this.Event("user-1", Question, "m1");
        var wrongKey = FakeZaloOaServer.Sign("app-123", body, this.clock.ToString(System.Globalization.CultureInfo.InvariantCulture), "another-key");

        Assert.Equal(401, (await host.Oa.HandleAsync(signature, body.Replace("tiếp dân", "tiếp khách", StringComparison.Ordinal), CancellationToken.None)).Status);
        Assert.Equal(401, (await host.Oa.HandleAsync(null, body, CancellationToken.None)).Status);
        Assert.Equal(401, (await host.Oa.HandleAsync(wrongKey, body, CancellationToken.None)).Status);
        Assert.Equal(0, this.server.SendAttemptCount);
    }

    [Fact]
    public async Task A_correctly_signed_event_stamped_outside_the_window_is_refused_without_work()
    {
        using var host = this.Host();
        foreach (var stamp in new[] { 1_496_275_200_000L, DateTimeOffset.UtcNow.AddMinutes(-16).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeMilliseconds() })
        {
            var body = FakeZaloOaServer.UserSendTextEvent("app-123", "user-old", "oa-1", Question, $"m-{stamp}", stamp);
            var signature = FakeZaloOaServer.Sign("app-123", body, stamp.ToString(System.Globalization.CultureInfo.InvariantCulture), ZaloTestHost.OaSecretKey);
            Assert.Equal(400, (await host.Oa.HandleAsync(signature, body, CancellationToken.None)).Status);
        }

        var (fresh, freshSignature) = this.Event("user-new", Question, "m-fresh");
        var (status, handled) = await host.Oa.HandleAsync(freshSignature, fresh, CancellationToken.None);
        await handled;
        Assert.Equal(200, status);
        Assert.Equal("user-new", Assert.Single(this.server.SentMessages).UserId);
    }

    [Fact]
    public async Task A_reply_undeliverable_past_the_max_age_is_given_up_and_kept_for_the_report()
    {
        this.server.FailNextSend(10_000, -32, "Request exceeded rate limit");
        using var host = new ZaloTestHost(this.data.Path, this.server.BaseUrl, null, new Dictionary<string, string?>
        {
            ["Channels:DeliveryRetrySeconds"] = "0.05",
            ["Channels:DeliveryMaxAgeHours"] = "0.0002", // under a second
        });
        var (body, signature) = this.Event("user-3", Question, "m-given-up");

        var (status, handled) = await host.Oa.HandleAsync(signature, body, CancellationToken.None);
        Assert.Equal(200, status);
        await handled.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(this.server.SentMessages);
        Assert.True(this.server.SendAttemptCount >= 2);
        var (channel, eventId, reason) = Assert.Single(await host.Outbox.GivenUpAsync(CancellationToken.None));
        Assert.Equal(("zalo-oa", "m-given-up"), (channel, eventId));
        Assert.Contains("Zalo OA", reason, StringComparison.Ordinal);

        // Done with, not retried again: a redelivery of the same msg_id is not answered.
        var (again, _) = await host.Oa.HandleAsync(signature, body, CancellationToken.None);
        Assert.Equal(200, again);
        Assert.Equal(0, (await host.ReplayCountAsync(PartyAssistant.Channels.Zalo.ZaloOaWebhook.Channel)));
    }

    [Fact]
    public async Task A_redelivered_msg_id_is_answered_once()
    {
        using var host = this.Host();
        var (body, signature) = this.Event("user-1", Question, "m-dup");
        var first = await host.Oa.HandleAsync(signature, body, CancellationToken.None);
        var again = await host.Oa.HandleAsync(signature, body, CancellationToken.None);
        await Task.WhenAll(first.Handled, again.Handled);

        Assert.Equal(200, again.Status);
        Assert.Single(this.server.SentMessages);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_for_twenty_concurrent_replies_and_the_rotation_survives_a_restart()
    {
        using (var host = this.Host())
        {
            this.server.ExpireAccessToken();
            var replies = new List<Task>();
            for (var i = 0; i < 20; i++)
            {
                var (body, signature) = this.Event($"user-{i}", Question, $"m{i}");
                var (status, handled) = await host.Oa.HandleAsync(signature, body, CancellationToken.None);
                Assert.Equal(200, status);
                replies.Add(handled);
            }

            await Task.WhenAll(replies);
        }

        Assert.Equal(20, this.server.SentMessages.Count);
        Assert.Equal(1, this.server.RefreshCount);
        Assert.All(this.server.SentMessages, m => Assert.Equal(this.server.CurrentAccessToken, m.AccessToken));

        // After a restart the configuration still says refresh-1 (spent); the stored, rotated token must be used.
        using (var restarted = this.Host())
        {
            this.server.ExpireAccessToken();
            var (body, signature) = this.Event("user-x", Question, "m-after");
            await (await restarted.Oa.HandleAsync(signature, body, CancellationToken.None)).Handled;
        }

        Assert.Equal(21, this.server.SentMessages.Count);
        Assert.Equal(2, this.server.RefreshCount);
        Assert.Equal(0, this.server.RejectedRefreshCount);
    }

    [Fact]
    public async Task A_user_who_does_not_follow_the_oa_is_dropped_and_a_rate_limit_is_waited_out()
    {
        using var host = this.Host();
        this.server.FailNextSend(1, -213, "User has not followed the OA");
        var (body1, signature1) = this.Event("user-1", Question, "m1");
        await (await host.Oa.HandleAsync(signature1, body1, CancellationToken.None)).Handled;
        Assert.Empty(this.server.SentMessages);
        Assert.Equal(1, this.server.SendAttemptCount);

        this.server.FailNextSend(1, -32, "Request exceeded rate limit");
        var (body2, signature2) = this.Event("user-2", Question, "m2");
        await (await host.Oa.HandleAsync(signature2, body2, CancellationToken.None)).Handled;
        Assert.Single(this.server.SentMessages);
        Assert.Equal(3, this.server.SendAttemptCount);
    }

    [Fact]
    public async Task An_answer_held_up_by_an_outage_is_kept_across_a_restart_and_delivered_once()
    {
        // Zalo answers -32 to every send for a while: the event was acked, the answer cannot go out.
        this.server.FailNextSend(1000, -32, "Request exceeded rate limit");
        var (body, signature) = this.Event("user-7", Question, "m-outage");
        Task handled;
        using (var host = this.Host())
        {
            var (status, running) = await host.Oa.HandleAsync(signature, body, CancellationToken.None);
            handled = running;
            Assert.Equal(200, status);

            // Tried again after a wait, not dropped.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (this.server.SendAttemptCount < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, "The answer was not tried again.");
                await Task.Delay(50);
            }

            Assert.False(handled.IsCompleted);
        }

        // The host restarts while Zalo still fails, then Zalo is back.
        Assert.Empty(this.server.SentMessages);
        this.server.ClearSendFaults();
        using var restarted = this.Host();
        await restarted.ReplayAsync(PartyAssistant.Channels.Zalo.ZaloOaWebhook.Channel);
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy would arrive now

        var sent = Assert.Single(this.server.SentMessages);
        Assert.Equal("user-7", sent.UserId);
        Assert.Contains("[1]", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_in_parts_sends_only_the_parts_not_yet_delivered_when_tried_again()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Responder = request =>
        {
            var prompt = request.Messages.Last(m => m.Role == "user").Content;
            var first = prompt[(prompt.IndexOf("[1] ", StringComparison.Ordinal) + 4)..].Split('\n')[1];
            var sentence = PartyAssistant.Text.SentenceSplitter.Split(first)[0].TrimEnd('.');
            return FakeReply.Text(string.Join("\n\n", Enumerable.Range(1, 50).Select(i => $"Ý {i:00}: văn bản nêu \"{sentence}\" [1].")));
        };
        using var host = new ZaloTestHost(this.data.Path, this.server.BaseUrl, null, new Dictionary<string, string?>
        {
            ["Model:Provider"] = "openai",
            ["Model:Endpoint"] = model.BaseUrl.ToString(),
            ["Model:ApiKey"] = "test-key",
            ["Model:Model"] = "fake-model",
            ["Answering:MaxAnswerChars"] = "20000", // this test is about parts, not the length cap
            ["Channels:MaxPartsPerAnswer"] = "10",
        });

        // The second part meets a rate limit once: the first is not sent again.
        this.server.FailSendAfter(1, 1, -32, "Request exceeded rate limit");
        var (body, signature) = this.Event("user-8", Question, "m-parts");
        await (await host.Oa.HandleAsync(signature, body, CancellationToken.None)).Handled;

        var texts = this.server.SentMessages.Select(m => m.Text).ToList();
        Assert.True(texts.Count >= 3, $"expected several parts, got {texts.Count}");
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Equal(texts.Count + 1, this.server.SendAttemptCount);
    }

    [Fact]
    public async Task A_5000_character_answer_arrives_as_ordered_parts_under_2000()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        // Fifty points, each quoting passage [1]: an answer that passes the citation and claim checks, only long.
        var paragraphs = new List<string>();
        model.Responder = request =>
        {
            var prompt = request.Messages.Last(m => m.Role == "user").Content;
            var first = prompt[(prompt.IndexOf("[1] ", StringComparison.Ordinal) + 4)..].Split('\n')[1];
            var sentence = PartyAssistant.Text.SentenceSplitter.Split(first)[0].TrimEnd('.');
            paragraphs.Clear();
            paragraphs.AddRange(Enumerable.Range(1, 50).Select(i => $"Ý {i:00}: văn bản nêu \"{sentence}\" [1]."));
            return FakeReply.Text(string.Join("\n\n", paragraphs));
        };
        using var host = new ZaloTestHost(this.data.Path, this.server.BaseUrl, null, new Dictionary<string, string?>
        {
            ["Model:Provider"] = "openai",
            ["Model:Endpoint"] = model.BaseUrl.ToString(),
            ["Model:Model"] = "test-model",
            ["Model:ApiKey"] = "k",
            ["Answering:MaxAnswerChars"] = "20000", // this test is about splitting, not the length cap
            ["Channels:MaxPartsPerAnswer"] = "10",
        });
        var (body, signature) = this.Event("user-1", Question, "m-long");

        await (await host.Oa.HandleAsync(signature, body, CancellationToken.None)).Handled;

        var parts = this.server.SentMessages.Select(m => m.Text).ToList();
        Assert.True(parts.Sum(p => p.Length) > 5000);
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 1999));
        var joined = string.Join("\n\n", parts);
        var positions = paragraphs.Select(p => joined.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task A_huge_model_answer_is_cut_to_the_answer_cap_and_sent_in_at_most_the_part_cap()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Responder = request =>
        {
            // Twenty thousand supported points quoting passage [1]: over 2 MB, every one of them checkable.
            var prompt = request.Messages.Last(m => m.Role == "user").Content;
            var first = prompt[(prompt.IndexOf("[1] ", StringComparison.Ordinal) + 4)..].Split('\n')[1];
            var sentence = PartyAssistant.Text.SentenceSplitter.Split(first)[0].TrimEnd('.');
            return FakeReply.Text(string.Join("\n\n", Enumerable.Range(1, 20_000).Select(i => $"Ý {i:00000}: văn bản nêu \"{sentence}\" [1].")));
        };
        using var host = new ZaloTestHost(this.data.Path, this.server.BaseUrl, null, new Dictionary<string, string?>
        {
            ["Model:Provider"] = "openai",
            ["Model:Endpoint"] = model.BaseUrl.ToString(),
            ["Model:Model"] = "test-model",
            ["Model:ApiKey"] = "k",
            ["Answering:MaxAnswerChars"] = "6000",
            ["Channels:MaxPartsPerAnswer"] = "2",
        });
        var (body, signature) = this.Event("user-1", Question, "m-huge");

        await (await host.Oa.HandleAsync(signature, body, CancellationToken.None)).Handled;

        var parts = this.server.SentMessages.Select(m => m.Text).ToList();
        Assert.Equal(2, parts.Count);
        Assert.Contains("Ý 00001", parts[0], StringComparison.Ordinal);
        Assert.DoesNotContain(parts, p => p.Contains("Ý 20000", StringComparison.Ordinal));
        Assert.Equal(ReplyParts.More, parts[^1]);
    }

    [Fact]
    public async Task A_token_close_to_its_expiry_is_refreshed_before_sending()
    {
        var clock = new PartyAssistant.Tests.Answering.ManualClock(DateTimeOffset.UtcNow);
        using (var host = this.Host())
        {
            this.server.ExpireAccessToken();
            var (body, signature) = this.Event("user-1", Question, "m1");
            await (await host.Oa.HandleAsync(signature, body, CancellationToken.None)).Handled;
        }

        Assert.Equal(1, this.server.RefreshCount);

        // 25 hours later the stored token is about to expire: refreshed first, never rejected.
        using var later = new ZaloTestHost(this.data.Path, this.server.BaseUrl, null, clock: clock);
        clock.Now = clock.Now.AddSeconds(90000 - 60);
        var attempts = this.server.SendAttemptCount;
        this.clock = clock.Now.ToUnixTimeMilliseconds(); // Zalo stamps the event with the same later time
        var (body2, signature2) = this.Event("user-2", Question, "m2");
        await (await later.Oa.HandleAsync(signature2, body2, CancellationToken.None)).Handled;

        Assert.Equal(2, this.server.RefreshCount);
        Assert.Equal(attempts + 1, this.server.SendAttemptCount);
        Assert.Equal(this.server.CurrentAccessToken, this.server.SentMessages[^1].AccessToken);
        // At rest the rotated tokens are encrypted: the database file alone does not give them away.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(this.data.Path, "partyassistant.db")}");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM channel_state WHERE key IN ('zalo-oa.access_token', 'zalo-oa.refresh_token')";
        var stored = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.Equal(2, stored.Count);
        Assert.All(stored, v => Assert.StartsWith("dp1:", v, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, v => v.Contains(this.server.CurrentAccessToken, StringComparison.Ordinal));
    }
}
