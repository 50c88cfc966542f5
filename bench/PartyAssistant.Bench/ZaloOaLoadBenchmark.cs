using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartyAssistant.Answering;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Fakes;

namespace PartyAssistant.Bench;

/// <summary>
/// The Zalo OA webhook under load: signed user_send_text events posted over HTTP to the real web host (ServeCommand),
/// answers sent to the fake Zalo OA API. Ack: post to HTTP response. An answer counts by its last part (the one with
/// <see cref="AnswerEnd"/>); latency runs from an event's post to its answer's last part, the k-th answer of a user
/// matched to the k-th event. Missing, Duplicates, AnsweredExactlyOnce and wall time as in <see cref="TelegramLoad"/>.
/// OtherMessages: messages that are not an answer's last part (earlier parts, refusals, rate-limit notes).
/// </summary>
public sealed record ZaloOaLoad(
    int Users, int QuestionsPerUser, int Expected, int Concurrency, double WarmUpAskMs, bool TimedOut,
    int Posted, int NotOkAcks, double AckP50Ms, double AckP95Ms, double AckMaxMs,
    int Redelivered, int RedeliveryNotOkAcks, double RedeliveryAckMaxMs,
    int Answers, int Missing, int Duplicates, int UsersExact, int AnsweredExactlyOnce,
    int MessagesSent, int MultiPartAnswers, int OtherMessages, IReadOnlyList<string> OtherMessageSamples, int SendAttempts, int TokenRefreshes,
    double WallSeconds, double AnswersPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    IReadOnlyList<LoggedProblem> LogProblems);

public static class ZaloOaLoadBenchmark
{
    public const int Concurrency = 50;
    public const int Redeliveries = 50;

    /// <summary>The last paragraph of every answer with citations (PlainAnswerText), so it is in the answer's last part.</summary>
    public const string AnswerEnd = "Xem nguyên văn:";

    private const string AppId = "app-123";
    private const string SecretKey = "oa-secret-key";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Starts the fake OA API and the web host, warms the answer pipeline with one ask, then posts every user's events
    /// one after another, <see cref="Concurrency"/> users at a time; then posts <see cref="Redeliveries"/> of them again,
    /// waits until the inbox is empty (and a short grace for duplicates) and stops the host.
    /// </summary>
    public static async Task<ZaloOaLoad> MeasureAsync(
        string corpusDirectory, string dataDirectory, IReadOnlyList<string> questions, int users, int questionsPerUser, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            throw new ArgumentException("No questions to ask.", nameof(questions));
        }

        await using var server = await FakeZaloOaServer.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Directory"] = corpusDirectory,
                ["Storage:DataDirectory"] = dataDirectory,
                ["Zalo:Oa:AppId"] = AppId,
                ["Zalo:Oa:SecretKey"] = SecretKey,
                ["Zalo:Oa:AppSecret"] = server.AppSecret,
                ["Zalo:Oa:AccessToken"] = "access-1",
                ["Zalo:Oa:RefreshToken"] = "refresh-1",
                ["Zalo:Oa:ApiBaseUrl"] = server.BaseUrl.ToString(),
                ["Zalo:Oa:OAuthBaseUrl"] = server.BaseUrl.ToString(),

                // Only so that more questions per user than this allows are still answered, not refused.
                ["Zalo:Oa:QuestionsPerMinutePerUser"] = Math.Max(10, questionsPerUser).ToString(CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",

                // Warnings and errors are counted by LogCapture and listed in the report, not printed as they come.
                ["Logging:Console:LogLevel:Default"] = "None",
            })
            .Build();
        await using var app = ServeCommand.Build(configuration, "http://127.0.0.1:0");
        var logs = new LogCapture();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await app.StartAsync(cancellationToken);
        var webhook = new Uri(new Uri(app.Urls.First()), ZaloOaWebhook.WebhookPath);

        var warmUp = Stopwatch.GetTimestamp();
        _ = await app.Services.GetRequiredService<AnswerPipeline>().AskAsync(questions[0], conversation: null, cancellationToken);
        var warmUpMs = Stopwatch.GetElapsedTime(warmUp).TotalMilliseconds;

        var events = Enumerable.Range(0, users).Select(u => Enumerable.Range(0, questionsPerUser)
            .Select(k => SignedEvent(u, k, questions[((u * questionsPerUser) + k) % questions.Count])).ToArray()).ToArray();
        var posted = new long[users][];
        var acks = new (int Status, double Ms)[users][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, users), parallel, async (u, ct) =>
        {
            (posted[u], acks[u]) = (new long[questionsPerUser], new (int, double)[questionsPerUser]);
            for (var k = 0; k < questionsPerUser; k++)
            {
                (acks[u][k], posted[u][k]) = await PostAsync(server, webhook, events[u][k], ct);
            }
        });

        // Redeliveries: the same events (msg_id and signature) again, spread over users and positions.
        var expected = users * questionsPerUser;
        var count = Math.Min(Redeliveries, expected);
        var again = Enumerable.Range(0, count).Select(i => events[i * users / count][i % questionsPerUser]).ToList();
        var redelivered = new (int Status, double Ms)[again.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, again.Count), parallel, async (i, ct) => (redelivered[i], _) = await PostAsync(server, webhook, again[i], ct));

        // Every event was taken into the inbox before its 200: an empty inbox means every one was handled.
        var inbox = app.Services.GetRequiredService<ChannelDispatcher>();
        var timedOut = !await Polling.WaitUntilAsync(() => inbox.InFlight == 0, WaitLimit, cancellationToken);

        // A grace, so a duplicate sent right after the last answer is still seen.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await app.StopAsync(CancellationToken.None);
        return Summarize(server, posted, acks, redelivered, warmUpMs, timedOut, logs.Problems);
    }

    private static ZaloOaLoad Summarize(
        FakeZaloOaServer server, long[][] posted, (int Status, double Ms)[][] acks, (int Status, double Ms)[] redelivered, double warmUpMs, bool timedOut, IReadOnlyList<LoggedProblem> logs)
    {
        var sent = server.SentMessages;
        var byUser = sent.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.ReceivedTimestamp).ToList());
        var t = LoadTally.Count(posted, u => [.. (byUser.GetValueOrDefault(UserId(u)) ?? []).Where(IsAnswerEnd).Select(m => m.ReceivedTimestamp)]);

        // An answer in several parts: a message without the end marker right before an answer's last part.
        var multiPart = Enumerable.Range(0, posted.Length)
            .Select(u => byUser.GetValueOrDefault(UserId(u)) ?? [])
            .Sum(messages => messages.Where((m, i) => IsAnswerEnd(m) && i > 0 && !IsAnswerEnd(messages[i - 1])).Count());
        var others = sent.Where(m => !IsAnswerEnd(m)).ToList();
        var ackTimes = acks.SelectMany(a => a).Select(a => a.Ms).Order().ToArray();
        static double P(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : LatencyBenchmark.Percentile(sorted, p);
        return new ZaloOaLoad(
            posted.Length, posted[0].Length, t.Expected, Concurrency, warmUpMs, timedOut,
            ackTimes.Length, acks.SelectMany(a => a).Count(a => a.Status != 200), P(ackTimes, 0.50), P(ackTimes, 0.95), ackTimes.Length == 0 ? double.NaN : ackTimes[^1],
            redelivered.Length, redelivered.Count(a => a.Status != 200), redelivered.Length == 0 ? double.NaN : redelivered.Max(a => a.Ms),
            sent.Count - others.Count, t.Missing, t.Duplicates, t.UsersExact, t.AnsweredExactlyOnce,
            sent.Count, multiPart, others.Count, [.. others.Select(m => m.Text.Length > 80 ? m.Text[..80] + "…" : m.Text).Distinct().Take(3)],
            server.SendAttemptCount, server.RefreshCount,
            t.WallSeconds, t.AnswersPerSecond, t.P50Ms, t.P95Ms, t.P99Ms, t.MaxMs,
            logs);
    }

    /// <summary>Posts one event; the ack, and the Stopwatch timestamp taken just before posting.</summary>
    private static async Task<((int Status, double Ms) Ack, long Posted)> PostAsync(FakeZaloOaServer server, Uri webhook, (string Body, string Signature) e, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await server.PostSignedEventAsync(webhook, e.Body, e.Signature, cancellationToken);
        return (((int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds), start);
    }

    private static (string Body, string Signature) SignedEvent(int user, int k, string question)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = FakeZaloOaServer.UserSendTextEvent(AppId, UserId(user), "oa-1", question, $"msg-{user}-{k}", timestamp);
        return (body, FakeZaloOaServer.Sign(AppId, body, timestamp.ToString(CultureInfo.InvariantCulture), SecretKey));
    }

    private static string UserId(int user) => (4_000_000_000_000_001L + user).ToString(CultureInfo.InvariantCulture);

    // A cited answer ends with how to read its passages; a reply saying the documents do not state it (issue 11) has none.
    private static bool IsAnswerEnd(ZaloSentMessage message) =>
        message.Text.Contains(AnswerEnd, StringComparison.Ordinal) ||
        message.Text.StartsWith("Các văn bản đã nạp không", StringComparison.Ordinal) ||
        message.Text.Contains(AbstentionText.NotCovered, StringComparison.Ordinal);
}
