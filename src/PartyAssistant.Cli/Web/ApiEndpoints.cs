using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Corpus;
using PartyAssistant.Documents;
using PartyAssistant.Obligations;
using PartyAssistant.Office;
using PartyAssistant.Outlines;
using PartyAssistant.Quizzes;
using PartyAssistant.Search;
using PartyAssistant.Text;
using PartyAssistant.Training;

namespace PartyAssistant.Cli.Web;

/// <summary>The HTTP API under /api: each endpoint checks its input, calls the application service every door shares, and renders JSON.</summary>
public static class ApiEndpoints
{
    private const int Busy = 5;
    private const int Locked = 6;

    public static void MapApi(this IEndpointRouteBuilder app, long maxBodyBytes)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(WebRegistration.RatePolicy).WithTags("API").AddEndpointFilter(async (context, next) =>
        {
            // Another writer holding the database past Storage:BusyTimeoutSeconds is a moment, not a fault: 503, try again.
            try
            {
                return await next(context);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is Busy or Locked)
            {
                return ApiProblem.Busy(context.HttpContext);
            }
        });

        api.MapPost("/ask", (HttpContext http, RecordedAnswers answering) => AskAsync(http, answering, maxBodyBytes))
            .Accepts<AskRequest>("application/json").Produces<AnswerView>().ProducesProblem(400).ProducesProblem(413).ProducesProblem(429)
            .WithSummary("Hỏi: câu trả lời có trích dẫn (như ask --json) và conversation_id để hỏi tiếp.");

        api.MapGet("/search", SearchAsync)
            .Produces<SearchResultView>().ProducesProblem(400)
            .WithSummary("Tìm các đoạn văn bản liên quan (q: câu hỏi; top: 1–100).");

        api.MapGet("/documents", async (DocumentListing documents, CancellationToken cancellationToken) => TypedResults.Ok(await documents.ListAsync(cancellationToken)))
            .Produces<IReadOnlyList<DocumentView>>()
            .WithSummary("Các văn bản: loại, số hiệu, tình trạng hiệu lực, quan hệ.");

        api.MapGet("/documents/{id}", async (string id, DocumentListing documents, CancellationToken cancellationToken) =>
                await documents.StructureAsync(id, cancellationToken) switch
                {
                    ({ } document, _, _) => Results.Ok(document),
                    (_, var problem, true) => ApiProblem.BadRequest(problem!),
                    (_, var problem, _) => ApiProblem.NotFound(problem!),
                })
            .Produces<DocumentStructureView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Một văn bản theo cấu trúc: các mục và đoạn.");

        api.MapGet("/passages/{**id}", async (string id, PassageLookup lookup, CancellationToken cancellationToken) =>
                await lookup.FindAsync(id, cancellationToken) switch
                {
                    { Found: { } found } => Results.Ok(found.ToView()),
                    { BadId: true } bad => ApiProblem.BadRequest(bad.Problem!),
                    var missing => ApiProblem.NotFound(missing.Problem!),
                })
            .Produces<PassageView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Một đoạn trong ngữ cảnh: đề mục, đoạn trước và sau, tình trạng văn bản.");

        api.MapGet("/roles", async (ObligationBook book, CancellationToken cancellationToken) => TypedResults.Ok(RoleCountView.From(await book.AllAsync(cancellationToken))))
            .Produces<IReadOnlyList<RoleCountView>>()
            .WithSummary("Các vai trò và số nghĩa vụ văn bản giao cho mỗi vai trò.");

        api.MapGet("/roles/{role}/obligations", async (string role, ObligationBook book, CancellationToken cancellationToken) =>
                await book.LookupAsync(role, cancellationToken) is { } found
                    ? Results.Ok(RoleChecklistView.From(found.Choice, found.List))
                    : ApiProblem.NotFound(ObligationText.Unknown(role)))
            .Produces<RoleChecklistView>().ProducesProblem(404)
            .WithSummary("Nghĩa vụ của một vai trò, dạng danh sách kiểm có trích dẫn.");

        api.MapPost("/quiz", (HttpContext http, TrainerMaterials materials) => QuizAsync(http, materials, maxBodyBytes))
            .Accepts<QuizApiRequest>("application/json").Produces<QuizView>().Produces(200, contentType: TrainerMaterials.DocxType)
            .ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Câu hỏi ôn tập từ một văn bản hoặc một mục: JSON, Markdown hoặc tệp Word.");

        api.MapPost("/outline", (HttpContext http, TrainerMaterials materials) => OutlineAsync(http, materials, maxBodyBytes))
            .Accepts<OutlineApiRequest>("application/json").Produces(200, contentType: TrainerMaterials.DocxType)
            .ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Dàn ý buổi sinh hoạt từ một văn bản hoặc một mục: JSON, Markdown hoặc tệp Word.");

        api.MapPost("/feedback", (HttpContext http, AnswerStore answers) => FeedbackAsync(http, answers, maxBodyBytes))
            .Accepts<FeedbackRequest>("application/json").Produces<FeedbackResponse>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("👍/👎 cho một câu trả lời trong cuộc trò chuyện.");
    }

    private static async Task<IResult> AskAsync(HttpContext http, RecordedAnswers answering, long maxBodyBytes)
    {
        var (request, problem) = await JsonBody.ReadAsync<AskRequest>(http, maxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (InputValidator.Question(request!.Question) is { } invalid)
        {
            return ApiProblem.BadRequest(invalid);
        }

        var conversation = string.IsNullOrEmpty(request.ConversationId) ? WebConversation.NewId() : request.ConversationId;
        if (WebConversation.Problem(conversation) is { } badConversation)
        {
            return ApiProblem.BadRequest(badConversation);
        }

        var recorded = await answering.AskAsync(request.Question!, WebConversation.Key(conversation), http.RequestAborted);
        return Results.Ok(AnswerView.From(recorded.Answer) with { ConversationId = conversation, AnswerId = recorded.AnswerId });
    }

    private static async Task<IResult> SearchAsync(string? q, string? top, SearchIndexProvider indexes, IOptions<SearchOptions> options, CancellationToken cancellationToken)
    {
        if (InputValidator.Question(q) is { } invalid)
        {
            return ApiProblem.BadRequest(invalid);
        }

        var count = options.Value.DefaultTop;
        if (top is not null)
        {
            if (!int.TryParse(top, NumberStyles.Integer, CultureInfo.InvariantCulture, out count))
            {
                return ApiProblem.BadRequest($"top phải là một số nguyên từ 1 đến {InputValidator.MaxTop} (đã nhập \"{top}\").");
            }

            if (InputValidator.Top(count, "top") is { } badTop)
            {
                return ApiProblem.BadRequest(badTop);
            }
        }

        using var lease = await indexes.AcquireAsync(cancellationToken);
        return Results.Ok(SearchResultView.From(q!, lease.Searcher.Search(q!, count)));
    }

    private static Task<IResult> QuizAsync(HttpContext http, TrainerMaterials materials, long maxBodyBytes) =>
        TrainerAsync<QuizApiRequest>(http, maxBodyBytes, r => (r.DocumentId, r.Format), r => InputValidator.QuizCount(r.Count ?? QuizRequest.DefaultCount),
            async (r, format) => TrainerMaterials.Render(await materials.QuizAsync(new QuizRequest(r.DocumentId!.Trim(), SectionScope.Normalize(r.Section), r.Count ?? QuizRequest.DefaultCount), http.RequestAborted), format));

    private static Task<IResult> OutlineAsync(HttpContext http, TrainerMaterials materials, long maxBodyBytes) =>
        TrainerAsync<OutlineApiRequest>(http, maxBodyBytes, r => (r.DocumentId, r.Format),
            r => SessionTimePlanner.Problem(r.Minutes ?? OutlineRequest.DefaultMinutes) is { } problem ? problem
                : r.Audience is not null && Audiences.Resolve(r.Audience) is null ? Audiences.Unknown(r.Audience) : null,
            async (r, format) => TrainerMaterials.Render(
                await materials.OutlineAsync(new OutlineRequest(r.DocumentId!.Trim(), r.Minutes ?? OutlineRequest.DefaultMinutes, SectionScope.Normalize(r.Section), Audiences.Resolve(r.Audience)), http.RequestAborted),
                format));

    // A trainer's request: read, its document id, its own limits and its format checked, then made and rendered.
    private static async Task<IResult> TrainerAsync<TRequest>(
        HttpContext http, long maxBodyBytes, Func<TRequest, (string? DocumentId, string? Format)> common, Func<TRequest, string?> problemOf, Func<TRequest, MaterialFormat, Task<TrainerFile>> make)
        where TRequest : class
    {
        var (request, problem) = await JsonBody.ReadAsync<TRequest>(http, maxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (documentId, formatName) = common(request!);
        if ((InputValidator.Id(documentId, "mã văn bản (document_id)") ?? problemOf(request!)) is { } invalid)
        {
            return ApiProblem.BadRequest(invalid);
        }

        if (TrainerMaterials.ParseFormat(formatName) is not { } format)
        {
            return ApiProblem.BadRequest($"Định dạng \"{formatName}\" không hỗ trợ; dùng json, md hoặc docx.");
        }

        try
        {
            return Download(await make(request!, format), format);
        }
        catch (Exception e) when (e is QuizRequestException or OutlineRequestException)
        {
            return ApiProblem.NotFound(e.Message);
        }
    }

    // JSON is shown; Markdown and Word are downloads named after the document.
    private static IResult Download(TrainerFile file, MaterialFormat format) => format == MaterialFormat.Json
        ? Results.Bytes(file.Content, file.ContentType)
        : Results.File(file.Content, file.ContentType, file.FileName);

    private static async Task<IResult> FeedbackAsync(HttpContext http, AnswerStore answers, long maxBodyBytes)
    {
        var (request, problem) = await JsonBody.ReadAsync<FeedbackRequest>(http, maxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.AnswerId is not { } answerId || request.Helpful is not { } helpful || string.IsNullOrEmpty(request.ConversationId))
        {
            return ApiProblem.BadRequest("Cần answer_id, conversation_id (như câu trả lời trả về) và helpful (true: 👍, false: 👎).");
        }

        if (WebConversation.Problem(request.ConversationId) is { } badConversation)
        {
            return ApiProblem.BadRequest(badConversation);
        }

        // A vote counts only on an answer given in the voter's own conversation.
        if (!await answers.IsFromAsync(answerId, WebConversation.Channel, request.ConversationId, http.RequestAborted))
        {
            return ApiProblem.NotFound($"Không có câu trả lời số {answerId} trong cuộc trò chuyện này (có thể đã quá hạn lưu).");
        }

        await answers.SaveFeedbackAsync(answerId, request.ConversationId, helpful, http.RequestAborted);
        return Results.Ok(new FeedbackResponse(answerId, helpful, "Cảm ơn đồng chí đã góp ý."));
    }
}
