using System.Text.Json;
using System.Text.Json.Serialization;
using PartyAssistant.Corpus;

namespace PartyAssistant.Bench;

public sealed record AlqacArticle(string Id, string Text);

public sealed record AlqacLaw(string Id, IReadOnlyList<AlqacArticle> Articles);

public sealed record AlqacQuestion(string Id, string Text, IReadOnlyList<string> GoldPassageIds);

/// <summary>One ALQAC year: its laws (one retrievable passage per article) and its questions with gold articles.</summary>
public sealed record AlqacYear(string Name, IReadOnlyList<AlqacLaw> Laws, IReadOnlyList<AlqacQuestion> Questions)
{
    public int ArticleCount => this.Laws.Sum(l => l.Articles.Count);

    /// <summary>(passage id, article text) for every article: what the baseline indexes.</summary>
    public IEnumerable<(string Id, string Text)> Units =>
        this.Laws.SelectMany(l => l.Articles.Select(a => (AlqacData.PassageId(l.Id, a.Id), a.Text)));

    /// <summary>
    /// The laws as the project's corpus model: one document per law, one passage per article.
    /// An article's text starts with its title line ("Phạm vi điều chỉnh"); with <paramref name="titleAsHeading"/>
    /// that line is also the passage heading, as "Điều 5. Title" is in the shipped corpus.
    /// </summary>
    public IReadOnlyList<CorpusDocument> ToCorpusDocuments(bool titleAsHeading) => this.Laws.Select(law =>
    {
        var metadata = new DocumentMetadata
        {
            Id = law.Id,
            Type = "luat",
            Title = law.Id,
            ShortTitle = law.Id,
            Kind = DocumentKind.OfficialText,
            Status = new DocumentStatus(DocumentStatus.InForce, null, null, null),
        };
        var sections = new List<Section>(law.Articles.Count);
        var passages = new List<Passage>(law.Articles.Count);
        foreach (var article in law.Articles)
        {
            var path = $"dieu-{article.Id}";
            var heading = titleAsHeading ? $"Điều {article.Id}. {TitleLine(article.Text)}" : string.Empty;
            sections.Add(new Section(path, heading, $"Điều {article.Id}"));
            passages.Add(new Passage(
                AlqacData.PassageId(law.Id, article.Id), law.Id, path, $"{law.Id} · Điều {article.Id}", heading, article.Text, passages.Count, 0));
        }

        return new CorpusDocument(metadata, sections, passages, law.Id);
    }).ToList();

    private static string TitleLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).Trim();
    }
}

/// <summary>Reads the ALQAC files as published (see README.md beside them); nothing is copied anywhere.</summary>
public static class AlqacData
{
    private static readonly JsonSerializerOptions Json = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string PassageId(string lawId, string articleId) => $"{lawId}#{articleId}";

    public static AlqacYear Load2022(string root) => new(
        "2022",
        ReadLaws(Path.Combine(root, "2022", "law.json")),
        ReadQuestions(Path.Combine(root, "2022", "question.json"), prefix: string.Empty));

    /// <summary>2023: the train and private-test questions together (their ids overlap, so they are prefixed).</summary>
    public static AlqacYear Load2023(string root) => new(
        "2023",
        ReadLaws(Path.Combine(root, "2023", "law.json")),
        [
            .. ReadQuestions(Path.Combine(root, "2023", "train.json"), prefix: "train/"),
            .. ReadQuestions(Path.Combine(root, "2023", "private_test.json"), prefix: "private/"),
        ]);

    private static List<AlqacLaw> ReadLaws(string path) =>
        Read<List<LawDto>>(path).Select(l => new AlqacLaw(l.Id, l.Articles.Select(a => new AlqacArticle(a.Id, a.Text)).ToList())).ToList();

    private static List<AlqacQuestion> ReadQuestions(string path, string prefix) => Read<List<QuestionDto>>(path).Select(q =>
    {
        // 2022 names the id "id", 2023 "question_id"; both have "text" and "relevant_articles".
        var id = q.QuestionId ?? q.Id ?? throw new InvalidDataException($"{path}: a question has no id.");
        if (q.RelevantArticles.Count == 0)
        {
            throw new InvalidDataException($"{path}: question {id} has no relevant article.");
        }

        return new AlqacQuestion(prefix + id, q.Text, q.RelevantArticles.Select(g => PassageId(g.LawId, g.ArticleId)).Distinct().ToList());
    }).ToList();

    private static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
    }

    private sealed record LawDto(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("articles")] List<ArticleDto> Articles);

    private sealed record ArticleDto(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("text")] string Text);

    private sealed record QuestionDto(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("relevant_articles")] List<GoldDto> RelevantArticles,
        [property: JsonPropertyName("id")] string? Id = null,
        [property: JsonPropertyName("question_id")] string? QuestionId = null);

    private sealed record GoldDto(
        [property: JsonPropertyName("law_id")] string LawId,
        [property: JsonPropertyName("article_id")] string ArticleId);
}
