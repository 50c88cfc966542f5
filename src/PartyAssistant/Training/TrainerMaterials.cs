using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartyAssistant.Outlines;
using PartyAssistant.Quizzes;
using PartyAssistant.Search;

namespace PartyAssistant.Training;

/// <summary>The formats a trainer can take a quiz or an outline in.</summary>
public enum MaterialFormat
{
    Json,
    Markdown,
    Docx,
}

/// <summary>A rendered quiz or outline: its bytes, media type and the file name a download suggests.</summary>
public sealed record TrainerFile(string FileName, string ContentType, byte[] Content);

/// <summary>A quiz as `POST /api/quiz` gives it in JSON: the source's notices and the questions.</summary>
public sealed record QuizView(
    [property: JsonPropertyName("document_id")] string DocumentId,
    [property: JsonPropertyName("document_title")] string DocumentTitle,
    [property: JsonPropertyName("section")] string? Section,
    [property: JsonPropertyName("from_summary")] bool FromSummary,
    [property: JsonPropertyName("notices")] IReadOnlyList<string> Notices,
    [property: JsonPropertyName("requested")] int Requested,
    [property: JsonPropertyName("items")] IReadOnlyList<QuizItemView> Items);

/// <summary>
/// Quizzes and session outlines for trainers, for every door (`quiz`, `outline`, `POST /api/quiz`, `POST /api/outline`):
/// made from the current corpus by <see cref="QuizGenerator"/> and <see cref="OutlineBuilder"/>, and rendered as a
/// file to download (JSON, Markdown or Word).
/// </summary>
public sealed class TrainerMaterials(CorpusIndex index, QuizGenerator quizzes, OutlineBuilder outlines)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // The outline's records are named types; their JSON uses the same snake_case as every other view.
    private static readonly JsonSerializerOptions OutlineJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>"json", "md" or "docx" (any case); null for anything else.</summary>
    public static MaterialFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => MaterialFormat.Json,
        "md" or "markdown" => MaterialFormat.Markdown,
        "docx" => MaterialFormat.Docx,
        _ => null,
    };

    /// <summary>A quiz on a document or one of its sections, from the corpus as it is now.</summary>
    /// <exception cref="QuizRequestException">An unknown document or section, or a count out of range (Vietnamese message).</exception>
    public async Task<Quiz> QuizAsync(QuizRequest request, CancellationToken cancellationToken) =>
        quizzes.Generate(await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false), request);

    /// <summary>A session outline of a document, from the corpus as it is now.</summary>
    /// <exception cref="OutlineRequestException">An unknown document or minutes out of range (Vietnamese message).</exception>
    public async Task<SessionOutline> OutlineAsync(OutlineRequest request, CancellationToken cancellationToken) =>
        outlines.Build(await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false), request);

    public static TrainerFile Render(Quiz quiz, MaterialFormat format)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        return Render($"quiz-{quiz.DocumentId}", format, () => QuizDocxWriter.Build(quiz), () => QuizText.Markdown(quiz), () => JsonSerializer.SerializeToUtf8Bytes(
            new QuizView(quiz.DocumentId, quiz.DocumentTitle, quiz.Section, quiz.FromSummary, quiz.Notices, quiz.Requested, [.. quiz.Items.Select(QuizItemView.From)]), OutlineJson));
    }

    public static TrainerFile Render(SessionOutline outline, MaterialFormat format)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return Render($"outline-{outline.Document.Id}", format, () => OutlineDocxWriter.Build(outline), () => OutlineMarkdownWriter.Write(outline),
            () => JsonSerializer.SerializeToUtf8Bytes(outline, OutlineJson));
    }

    private static TrainerFile Render(string name, MaterialFormat format, Func<Documents.WordDocumentBuilder> word, Func<string> markdown, Func<byte[]> json) => format switch
    {
        MaterialFormat.Docx => new TrainerFile(name + ".docx", DocxType, Save(word())),
        MaterialFormat.Markdown => new TrainerFile(name + ".md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(markdown())),
        _ => new TrainerFile(name + ".json", "application/json; charset=utf-8", json()),
    };

    private static byte[] Save(Documents.WordDocumentBuilder word)
    {
        using var stream = new MemoryStream();
        word.Save(stream);
        return stream.ToArray();
    }
}
