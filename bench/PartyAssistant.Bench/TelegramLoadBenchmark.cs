using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartyAssistant.Answering;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Fakes;
using PartyAssistant.Hosting;

namespace PartyAssistant.Bench;

/// <summary>
/// The Telegram bot under load, against the fake Bot API server with Telegram's flood limit on. An answer counts by its
/// final message (the one with the buttons); latency runs from a question's push to its answer's final message, the k-th
/// answer of a chat matched to its k-th question. Missing, Duplicates: final messages too few or too many, summed over
/// chats; AnsweredExactlyOnce = Expected - Missing - Duplicates. Wall time: first push to the last counted answer.
/// </summary>
public sealed record TelegramLoad(
    int Users, int QuestionsPerUser, int Expected, double PrivateChatIntervalSeconds, double WarmUpAskMs, bool TimedOut,
    int Answers, int Missing, int Duplicates, int ChatsExact, int AnsweredExactlyOnce,
    int MessagesSent, int RefusedOrFailedReplies, int TooManyRequests, int OtherFailedCalls, int GetUpdatesCalls,
    double WallSeconds, double AnswersPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    IReadOnlyList<double> P50MsByPosition, IReadOnlyList<LoggedProblem> LogProblems);

public static class TelegramLoadBenchmark
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Composes the bot as the apps do (default pacing), warms the answer pipeline with one ask, starts long polling,
    /// then pushes every user's questions at once, user after user, and waits for all answers (and a short grace for
    /// duplicates) before stopping the bot.
    /// </summary>
    public static async Task<TelegramLoad> MeasureAsync(
        string corpusDirectory, string dataDirectory, IReadOnlyList<string> questions, int users, int questionsPerUser, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            throw new ArgumentException("No questions to ask.", nameof(questions));
        }

        await using var server = await FakeTelegramServer.StartAsync(ct: cancellationToken);
        server.FloodLimit = new TelegramFloodLimit(PerChatPerSecond: 1, RetryAfterSeconds: 1);
        var defaults = new TelegramOptions();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Directory"] = corpusDirectory,
                ["Storage:DataDirectory"] = dataDirectory,
                ["Telegram:BotToken"] = server.Token,
                ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
                ["Telegram:PollTimeoutSeconds"] = "1",

                // Only so that more questions per user than the default allows are still answered, not refused.
                ["Telegram:QuestionsPerMinutePerUser"] = Math.Max(defaults.QuestionsPerMinutePerUser, questionsPerUser).ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        var logs = new LogCapture();
        await using var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs))
            .AddPartyAssistantAnswering(configuration).AddPartyAssistantTelegram(configuration).BuildServiceProvider();

        var warmUp = Stopwatch.GetTimestamp();
        _ = await services.GetRequiredService<AnswerPipeline>().AskAsync(questions[0], conversation: null, cancellationToken);
        var warmUpMs = Stopwatch.GetElapsedTime(warmUp).TotalMilliseconds;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = Task.Run(() => services.GetRequiredService<TelegramPolling>().RunAsync(stop.Token), CancellationToken.None);
        var pushed = new long[users][];
        var expected = users * questionsPerUser;
        bool timedOut;
        try
        {
            await Polling.WaitUntilAsync(() => server.ActiveGetUpdatesRequests > 0 || polling.IsCompleted, TimeSpan.FromSeconds(30), cancellationToken);
            for (var u = 0; u < users; u++)
            {
                pushed[u] = new long[questionsPerUser];
                for (var k = 0; k < questionsPerUser; k++)
                {
                    server.PushMessage(ChatId(u), ChatId(u), questions[((u * questionsPerUser) + k) % questions.Count]);
                    pushed[u][k] = Stopwatch.GetTimestamp();
                }
            }

            timedOut = !await Polling.WaitUntilAsync(() => FinalParts(server.SentMessages) >= expected || polling.IsCompleted, WaitLimit, cancellationToken);

            // A grace of two pacing intervals, so a duplicate sent right after the last answer is still seen.
            await Task.Delay(TimeSpan.FromSeconds(2 * defaults.PrivateChatIntervalSeconds), cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await polling;
            }
            catch (OperationCanceledException)
            {
                // stopped as asked
            }
        }

        return Summarize(server, pushed, users, questionsPerUser, defaults.PrivateChatIntervalSeconds, warmUpMs, timedOut, logs.Problems);
    }

    private static TelegramLoad Summarize(
        FakeTelegramServer server, long[][] pushed, int users, int questionsPerUser, double interval, double warmUpMs, bool timedOut, IReadOnlyList<LoggedProblem> logs)
    {
        var sent = server.SentMessages;
        var finals = sent.Where(IsFinalPart).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.ReceivedTimestamp).ToList());
        var t = LoadTally.Count(pushed, u => [.. (finals.GetValueOrDefault(ChatId(u)) ?? []).Select(m => m.ReceivedTimestamp)]);
        var refused = sent.Count(m => m.PlainText is ChatCommands.RateLimited or ChatCommands.Failed);
        var failed = server.FailedCalls;
        return new TelegramLoad(
            users, questionsPerUser, t.Expected, interval, warmUpMs, timedOut,
            finals.Values.Sum(f => f.Count), t.Missing, t.Duplicates, t.UsersExact, t.AnsweredExactlyOnce,
            sent.Count, refused, failed.Count(f => f.ErrorCode == 429), failed.Count(f => f.ErrorCode != 429), server.Calls.Count(c => c.Method == "getUpdates"),
            t.WallSeconds, t.AnswersPerSecond, t.P50Ms, t.P95Ms, t.P99Ms, t.MaxMs, t.P50MsByPosition, logs);
    }

    /// <summary>Private chats: the chat id is the user id.</summary>
    private static long ChatId(int user) => 1_000_001 + user;

    private static int FinalParts(IReadOnlyList<SentMessage> sent) => sent.Count(IsFinalPart);

    /// <summary>An answer's final message: the one with the buttons.</summary>
    private static bool IsFinalPart(SentMessage message) => message.CallbackData.Count > 0;
}
