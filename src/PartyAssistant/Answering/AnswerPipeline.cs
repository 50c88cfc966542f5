using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PartyAssistant.Conversations;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Every answer goes through here: the follow-up made standalone, retrieval through the kernel's
/// plugin, the evidence judged, the answer from the kernel's chat service, and the citation check.
/// A model answer that fails the check, times out or errors is replaced by the offline answer.
/// </summary>
public sealed class AnswerPipeline(
    Kernel kernel,
    IConversationStore conversations,
    FollowUpRewriter rewriter,
    Obligations.ObligationBook obligations,
    IOptions<AnsweringOptions> options,
    TimeProvider clock,
    ILogger<AnswerPipeline> logger)
{
    public const string OfflineServiceKey = "offline";

    public async Task<GroundedAnswer> AskAsync(string question, ConversationKey? conversation, CancellationToken cancellationToken)
    {
        if (QuestionValidator.Problem(question) is { } problem)
        {
            throw new ArgumentException(problem, nameof(question));
        }

        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var offline = kernel.Services.GetRequiredKeyedService<IChatCompletionService>(OfflineServiceKey);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var model = ReferenceEquals(chat, offline) ? null : chat;

        var history = conversation is null ? [] : await conversations.RecentAsync(conversation, cancellationToken).ConfigureAwait(false);
        var standalone = await rewriter.RewriteAsync(question, history, model, TimeSpan.FromSeconds(options.Value.ModelTimeoutSeconds), cancellationToken).ConfigureAwait(false);
        timings["rewrite"] = Lap(watch);

        var retrieved = await kernel.InvokeAsync<RetrievedPassages>(RetrievalPlugin.PluginName, RetrievalPlugin.SearchFunction,
            new KernelArguments { ["question"] = standalone }, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Tìm kiếm không trả về kết quả.");
        timings["search"] = Lap(watch);

        GroundedAnswer answer;
        if (retrieved.Hits.Count == 0 || retrieved.Coverage < options.Value.MinCoverage)
        {
            answer = Abstain(question, standalone, retrieved, "offline", notice: null, timings);
        }
        else
        {
            var supplied = await this.SupplyAsync(standalone, retrieved, cancellationToken).ConfigureAwait(false);
            answer = model is null
                ? await this.AnswerWithAsync(offline, question, standalone, retrieved, supplied, notice: null, timings, cancellationToken).ConfigureAwait(false)
                : await this.AnswerWithModelAsync(model, offline, question, standalone, retrieved, supplied, timings, cancellationToken).ConfigureAwait(false);
        }

        timings["answer"] = Lap(watch);
        answer = answer with { Coverage = Math.Round(retrieved.Coverage, 4) };
        if (conversation is not null)
        {
            try
            {
                await conversations.AppendAsync(conversation, new ConversationTurn(question, standalone, answer.Answer, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The answer matters more than remembering it for a follow-up.
                logger.LogWarning(e, "Không lưu được lượt hỏi đáp vào cuộc trò chuyện.");
            }
        }

        return answer;
    }

    private async Task<GroundedAnswer> AnswerWithModelAsync(
        IChatCompletionService model, IChatCompletionService offline, string question, string standalone,
        RetrievedPassages retrieved, SuppliedPassages supplied, Dictionary<string, double> timings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ModelTimeoutSeconds));
        string? problem;
        try
        {
            var reply = await this.CompleteAsync(model, retrieved.Question, supplied, timeout.Token).ConfigureAwait(false);
            if (IsNotFound(reply))
            {
                return Abstain(question, standalone, retrieved, ModelName(model), notice: null, timings);
            }

            var check = CitationChecker.Check(reply, supplied);
            if (check.Passed)
            {
                // The model writes the answer; the sources, with their summary and status marks, are always ours.
                var sources = SourceList.Format(check.Citations.Select(c => (c.N, supplied[c.N]!, c.Quote)));
                var own = reply.IndexOf(SourceList.Heading, StringComparison.Ordinal);
                var text = $"{(own >= 0 ? reply[..own] : reply).Trim()}\n\n{sources}";
                return new GroundedAnswer(question, standalone, false, text, check.Citations, supplied.Hits, ModelName(model), null, timings);
            }

            problem = check.Problem;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = $"mô hình không trả lời trong {options.Value.ModelTimeoutSeconds:0} giây";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the connector throws (HTTP errors, a malformed body), the user gets the offline answer.
            problem = "mô hình báo lỗi";
            logger.LogDebug(e, "Lỗi chi tiết của mô hình");
            logger.LogWarning("Mô hình báo lỗi: {Error}", e.GetBaseException().Message);
        }

        logger.LogWarning("Không dùng câu trả lời của mô hình: {Problem}", problem);
        var notice = $"Lưu ý: câu trả lời của mô hình không được dùng ({problem}); dưới đây là các câu trích nguyên văn từ văn bản.";
        return await this.AnswerWithAsync(offline, question, standalone, retrieved, supplied, notice, timings, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GroundedAnswer> AnswerWithAsync(
        IChatCompletionService offline, string question, string standalone, RetrievedPassages retrieved,
        SuppliedPassages supplied, string? notice, Dictionary<string, double> timings, CancellationToken cancellationToken)
    {
        var reply = await this.CompleteAsync(offline, retrieved.Question, supplied, cancellationToken).ConfigureAwait(false);
        var check = IsNotFound(reply) ? CitationCheck.Fail("không có câu nào trả lời") : CitationChecker.Check(reply, supplied);
        if (!check.Passed)
        {
            // Not shown without a valid citation: say the documents do not answer it instead.
            logger.LogInformation("Câu trả lời trích xuất không đạt kiểm tra: {Problem}", check.Problem);
            return Abstain(question, standalone, retrieved, OfflineChatCompletionService.ModelId, notice, timings);
        }

        return new GroundedAnswer(question, standalone, false, reply.Trim(), check.Citations, supplied.Hits, OfflineChatCompletionService.ModelId, notice, timings);
    }

    /// <summary>
    /// The passages the answer may cite: the search's, and for a question about a role's duties the
    /// passages of the duties that fit it, so each duty is quoted from the text it was read from.
    /// </summary>
    private async Task<SuppliedPassages> SupplyAsync(string standalone, RetrievedPassages retrieved, CancellationToken cancellationToken)
    {
        if (DutyQuestion.RoleAsked(standalone) is not { } role)
        {
            return new SuppliedPassages(retrieved.Hits, retrieved.Rarity);
        }

        var duties = await obligations.WithPassagesAsync(role, cancellationToken).ConfigureAwait(false);
        var fitting = DutyQuestion.Fitting(
            standalone, duties.Select(d => new DutyItem(d.Item, d.Passage)).ToList(), id => duties.First(d => d.Item.DocumentId == id).DocumentTitle);
        if (fitting.Count == 0)
        {
            return new SuppliedPassages(retrieved.Hits, retrieved.Rarity);
        }

        var hits = retrieved.Hits.ToList();
        var numbered = new List<(int N, Obligations.Obligation Item)>();
        foreach (var duty in fitting)
        {
            var at = hits.FindIndex(h => h.PassageId == duty.Passage.Id);
            if (at < 0)
            {
                hits.Add(new SearchHit(hits.Count + 1, duty.Passage.Id, duty.Passage.DocumentId, duty.Passage.Label, 0f, duty.Passage.Text, duty.Item.FromSummary));
                at = hits.Count - 1;
            }

            numbered.Add((at + 1, duty.Item));
        }

        return new SuppliedPassages(hits, retrieved.Rarity) { Duties = new RoleDuties(role, numbered) };
    }

    private async Task<string> CompleteAsync(IChatCompletionService service, AnalyzedQuestion question, SuppliedPassages supplied, CancellationToken cancellationToken)
    {
        var chat = new ChatHistory(PromptLibrary.AnswerSystem);
        var user = PromptLibrary.AnswerUser
            .Replace("{{PASSAGES}}", supplied.ToPrompt(), StringComparison.Ordinal)
            .Replace("{{QUESTION}}", question.Original, StringComparison.Ordinal);
        chat.Add(new ChatMessageContent(AuthorRole.User, user)
        {
            Metadata = new Dictionary<string, object?>
            {
                [OfflineChatCompletionService.PassagesKey] = supplied,
                [OfflineChatCompletionService.QuestionKey] = question,
            },
        });
        var reply = await service.GetChatMessageContentAsync(chat, kernel.Services.GetService<PromptExecutionSettings>(), kernel, cancellationToken).ConfigureAwait(false);
        return reply.Content ?? string.Empty;
    }

    private static GroundedAnswer Abstain(string question, string standalone, RetrievedPassages retrieved, string backend, string? notice, Dictionary<string, double> timings)
    {
        var closest = retrieved.Hits.Select(h => h.Label.Split(" · ")[0]).Distinct(StringComparer.Ordinal).Take(3).ToList();
        var text = "Các văn bản đã nạp không đề cập tới nội dung này, nên tôi không trả lời để tránh sai lệch."
            + (closest.Count == 0 ? string.Empty : $" Văn bản gần nhất với câu hỏi: {string.Join("; ", closest)}.");
        return new GroundedAnswer(question, standalone, true, text, [], retrieved.Hits, backend, notice, timings);
    }

    private static bool IsNotFound(string reply) => reply.Trim().StartsWith(PromptLibrary.NotFoundToken, StringComparison.Ordinal);

    private static string ModelName(IChatCompletionService service) =>
        service.Attributes.TryGetValue("ModelId", out var id) && id is string name ? $"model:{name}" : "model";

    private static double Lap(Stopwatch watch)
    {
        var elapsed = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return Math.Round(elapsed, 2);
    }
}
