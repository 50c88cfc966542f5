using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PartyAssistant.Conversations;
using PartyAssistant.Hosting;
using PartyAssistant.Questions;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Every answer goes through here: the question read once, a follow-up made standalone, retrieval
/// through the kernel's plugin, the evidence judged (does a passage state what is asked?), the
/// answer from the kernel's chat service, and the citation and claim checks. A model answer that
/// fails a check, times out or errors is replaced by the offline answer.
/// </summary>
public sealed class AnswerPipeline(
    Kernel kernel,
    IConversationStore conversations,
    FollowUpRewriter rewriter,
    Obligations.ObligationBook obligations,
    EvidenceJudge judge,
    IOptions<AnsweringOptions> options,
    TimeProvider clock,
    ILogger<AnswerPipeline> logger)
{
    public const string OfflineServiceKey = "offline";

    public async Task<GroundedAnswer> AskAsync(string question, ConversationKey? conversation, CancellationToken cancellationToken)
    {
        if (InputValidator.Question(question) is { } problem)
        {
            throw new ArgumentException(problem, nameof(question));
        }

        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var offline = kernel.Services.GetRequiredKeyedService<IChatCompletionService>(OfflineServiceKey);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var model = ReferenceEquals(chat, offline) ? null : chat;

        // The question is read once; a follow-up made standalone is a new question, read once too.
        var asked = QuestionAnalysis.From(question);
        var history = conversation is null ? [] : await conversations.RecentAsync(conversation, cancellationToken).ConfigureAwait(false);
        var standalone = await rewriter.RewriteAsync(asked, history, model, TimeSpan.FromSeconds(options.Value.ModelTimeoutSeconds), cancellationToken).ConfigureAwait(false);
        var analysis = standalone == asked.Original ? asked : QuestionAnalysis.From(standalone);

        // A follow-up completed by rule ("còn X thì sao? (câu trước)") asks about X: the earlier question helps find it, X must be stated.
        if (standalone != asked.Original && standalone == FollowUpRewriter.ByRule(asked, history) && !asked.Focus.IsEmpty)
        {
            analysis = analysis with { Focus = asked.Focus };
        }
        timings["rewrite"] = Lap(watch);

        var retrieved = await kernel.InvokeAsync<RetrievedPassages>(RetrievalPlugin.PluginName, RetrievalPlugin.SearchFunction,
            new KernelArguments { ["question"] = analysis }, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Tìm kiếm không trả về kết quả.");
        timings["search"] = Lap(watch);

        var (supplied, evidence) = await this.SupplyAsync(analysis, retrieved, cancellationToken).ConfigureAwait(false);
        timings["judge"] = Lap(watch);
        GroundedAnswer answer;
        if (supplied is null)
        {
            answer = this.Abstain(question, analysis, retrieved, evidence, "offline", notice: null, timings);
        }
        else
        {
            answer = model is null
                ? await this.AnswerWithAsync(offline, question, analysis, retrieved, supplied, evidence, notice: null, timings, cancellationToken).ConfigureAwait(false)
                : await this.AnswerWithModelAsync(model, offline, question, analysis, retrieved, supplied, evidence, timings, cancellationToken).ConfigureAwait(false);
        }

        timings["answer"] = Lap(watch);
        answer = AnswerLength.Limit(answer, options.Value.MaxAnswerChars) with
        {
            Coverage = evidence.Coverage,
            Focus = analysis.Focus.Display,
            NotLoaded = evidence.NotLoaded.Select(r => r.Name).ToList(),
        };
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
        IChatCompletionService model, IChatCompletionService offline, string question, QuestionAnalysis analysis,
        RetrievedPassages retrieved, SuppliedPassages supplied, Evidence evidence, Dictionary<string, double> timings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ModelTimeoutSeconds));
        string? problem;
        try
        {
            var reply = AnswerLength.CutReply(await this.CompleteAsync(model, analysis, supplied, timeout.Token).ConfigureAwait(false), 2 * options.Value.MaxAnswerChars);
            if (IsNotFound(reply))
            {
                // The sentences the judge found are still the closest the documents come: shown as related, not as an answer.
                return this.Abstain(question, analysis, retrieved, evidence with { Outcome = Outcome.Related }, ModelName(model), notice: null, timings);
            }

            // Every claim is checked against the passage it cites, not only the quotes.
            var own = reply.IndexOf(SourceList.Heading, StringComparison.Ordinal);
            var body = (own >= 0 ? reply[..own] : reply).Trim();
            var check = CitationChecker.Check(reply, supplied);
            if (check.Passed && ClaimChecker.Check(body, supplied) is { } unsupported)
            {
                check = CitationCheck.Fail(unsupported);
            }
            if (check.Passed)
            {
                // The model writes the answer; the sources, with their summary and status marks, are always ours.
                var sources = SourceList.Format(check.Citations.Select(c => (c.N, supplied[c.N]!, c.Quote)));
                var (text, numbered, citations) = CitationNumbers.Renumber($"{body}\n\n{sources}", supplied, check.Citations);
                return new GroundedAnswer(question, analysis.Original, false, text, citations, numbered.Hits, ModelName(model), null, timings);
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
            // The connector's message may carry the server's body, which may echo the key: only a scrubbed copy is logged.
            logger.LogDebug("Lỗi chi tiết của mô hình: {Detail}", CredentialScrubber.Scrub(e.ToString()));
            logger.LogWarning("Mô hình báo lỗi: {Error}", CredentialScrubber.Scrub(e.GetBaseException().Message));
        }

        logger.LogWarning("Không dùng câu trả lời của mô hình: {Problem}", problem);
        var notice = $"Lưu ý: câu trả lời của mô hình không được dùng ({problem}); dưới đây là các câu trích nguyên văn từ văn bản.";
        return await this.AnswerWithAsync(offline, question, analysis, retrieved, supplied, evidence, notice, timings, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GroundedAnswer> AnswerWithAsync(
        IChatCompletionService offline, string question, QuestionAnalysis analysis, RetrievedPassages retrieved,
        SuppliedPassages supplied, Evidence evidence, string? notice, Dictionary<string, double> timings, CancellationToken cancellationToken)
    {
        var reply = await this.CompleteAsync(offline, analysis, supplied, cancellationToken).ConfigureAwait(false);
        var check = IsNotFound(reply) ? CitationCheck.Fail("không có câu nào trả lời") : CitationChecker.Check(reply, supplied);
        if (!check.Passed)
        {
            // Not shown without a valid citation: say the documents do not answer it instead.
            logger.LogInformation("Câu trả lời trích xuất không đạt kiểm tra: {Problem}", check.Problem);
            return this.Abstain(question, analysis, retrieved, evidence with { Outcome = evidence.Outcome == Outcome.Answer ? Outcome.Related : evidence.Outcome },
                OfflineChatCompletionService.ModelId, notice, timings);
        }

        var (text, numbered, citations) = CitationNumbers.Renumber(reply.Trim(), supplied, check.Citations);
        return new GroundedAnswer(question, analysis.Original, false, text, citations, numbered.Hits, OfflineChatCompletionService.ModelId, notice, timings);
    }

    /// <summary>
    /// The passages the answer may cite, or null when the documents do not state what is asked. For a
    /// question about a role's duties, the passages of the duties that fit it, so each duty is quoted
    /// from the text it was read from; otherwise the passages the judge found to state the answer.
    /// </summary>
    private async Task<(SuppliedPassages? Supplied, Evidence Evidence)> SupplyAsync(QuestionAnalysis analysis, RetrievedPassages retrieved, CancellationToken cancellationToken)
    {
        // A role's duties "theo Quy định 294" are that document's to state: not loaded, the judge says so.
        if (analysis.RoleAsked is { } role && retrieved.NotLoaded.Count == 0 &&
            await this.DutiesAsync(analysis, role, retrieved, cancellationToken).ConfigureAwait(false) is { } duties)
        {
            return (duties, new Evidence(Outcome.Answer, 1, [], retrieved.NotLoaded));
        }

        var evidence = judge.Judge(analysis, retrieved.Hits, retrieved.Rarity, retrieved.NotLoaded, retrieved.MarkedForms);
        if (evidence.Outcome != Outcome.Answer)
        {
            return (null, evidence);
        }

        // The passages whose sentences state most of what is asked — and give most of its parts (who, how often,
        // which form) — then in the search's order.
        var best = evidence.Stating.GroupBy(s => s.PassageId).ToDictionary(
            g => g.Key,
            g => (Coverage: Math.Round(g.Max(s => s.Coverage), 2),
                  Parts: ProceduralAsks.Parts(analysis.Asks).Count(a => g.Any(s => ProceduralAsks.Gives(a, s.Sentence, analysis)))),
            StringComparer.Ordinal);
        var hits = retrieved.Hits.Where(h => best.ContainsKey(h.PassageId))
            .OrderByDescending(h => best[h.PassageId].Coverage).ThenByDescending(h => best[h.PassageId].Parts).ThenBy(h => h.Rank)
            .Take(Math.Max(1, options.Value.Passages))
            .Select((h, i) => h with { Rank = i + 1 }).ToList();
        return (new SuppliedPassages(hits, retrieved.Rarity) { Evidence = evidence }, evidence);
    }

    private async Task<SuppliedPassages?> DutiesAsync(QuestionAnalysis analysis, Facts.Role role, RetrievedPassages retrieved, CancellationToken cancellationToken)
    {
        var duties = await obligations.WithPassagesAsync(role, cancellationToken).ConfigureAwait(false);

        // "Theo Kết luận 38, bí thư chi bộ phải làm gì?": the duties that document places, none from another.
        if (analysis.References.Count > 0)
        {
            duties = duties.Where(d => d.DocumentNumber is { } number && analysis.References.Any(r => r.SameAs(number))).ToList();
        }
        var fitting = DutyQuestion.Fitting(
            analysis, duties.Select(d => new DutyItem(d.Item, d.Passage)).ToList(), id => duties.First(d => d.Item.DocumentId == id).DocumentTitle);
        if (fitting.Count == 0)
        {
            return null;
        }

        var hits = new List<SearchHit>();
        var numbered = new List<(int N, Obligations.Obligation Item)>();
        foreach (var duty in fitting)
        {
            var at = hits.FindIndex(h => h.PassageId == duty.Passage.Id);
            if (at < 0)
            {
                // A duty's passage the search did not return is marked as scanned when the search saw its document was.
                var found = retrieved.Hits.FirstOrDefault(h => h.PassageId == duty.Passage.Id);
                hits.Add((found ?? new SearchHit(0, duty.Passage.Id, duty.Passage.DocumentId, duty.Passage.Label, 0f, duty.Passage.Text, duty.Item.FromSummary)
                    {
                        Heading = duty.Passage.Heading,
                        FromScan = retrieved.Hits.Any(h => h.DocumentId == duty.Passage.DocumentId && h.FromScan),
                    }) with { Rank = hits.Count + 1 });
                at = hits.Count - 1;
            }

            numbered.Add((at + 1, duty.Item));
        }

        return new SuppliedPassages(hits, retrieved.Rarity) { Duties = new RoleDuties(role, numbered) };
    }

    private async Task<string> CompleteAsync(IChatCompletionService service, QuestionAnalysis question, SuppliedPassages supplied, CancellationToken cancellationToken)
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

    private GroundedAnswer Abstain(string question, QuestionAnalysis analysis, RetrievedPassages retrieved, Evidence evidence, string backend, string? notice, Dictionary<string, double> timings)
    {
        var related = evidence.Outcome == Outcome.Related ? Closest(evidence, retrieved) : [];
        var text = AbstentionText.Write(analysis, evidence.NotLoaded, related, retrieved.Hits);
        return new GroundedAnswer(question, analysis.Original, true, text, [], retrieved.Hits.Take(Math.Max(1, options.Value.Passages)).ToList(), backend, notice, timings)
        {
            Outcome = related.Count > 0 ? Outcome.Related : Outcome.NotCovered,
            Related = related,
        };
    }

    /// <summary>The sentences closest to stating what is asked, one a passage, best first.</summary>
    private List<RelatedSentence> Closest(Evidence evidence, RetrievedPassages retrieved) =>
        evidence.Sentences
            .Where(s => s.Allowed && s.Coverage >= options.Value.RelatedFocusCoverage && !s.Sentence.EndsWith(':'))
            .OrderByDescending(s => s.Coverage)
            .ThenBy(s => retrieved.Hits.First(h => h.PassageId == s.PassageId).Rank)
            .DistinctBy(s => s.PassageId)
            .Take(Math.Max(1, options.Value.RelatedSentences))
            .Select(s => (Sentence: s, Hit: retrieved.Hits.First(h => h.PassageId == s.PassageId)))
            .Select(x => new RelatedSentence(x.Hit.PassageId, x.Hit.Label, x.Sentence.Sentence, x.Hit.FromSummary))
            .ToList();

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
