using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAssistant.Evaluation;

/// <summary>One line of a question file (format: ../shared/eval/README.md).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("answerable")] bool Answerable,
    [property: JsonPropertyName("evidence_any")] IReadOnlyList<string> EvidenceAny,
    [property: JsonPropertyName("answer_must_contain")] IReadOnlyList<string> AnswerMustContain)
{
    public static async Task<IReadOnlyList<EvalQuestion>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Không tìm thấy tệp câu hỏi: {path}", path);
        }

        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            EvalQuestion? question;
            try
            {
                question = JsonSerializer.Deserialize<EvalQuestion>(line);
            }
            catch (JsonException e)
            {
                throw new FormatException($"{Path.GetFileName(path)}, dòng {lineNumber}: JSON không hợp lệ ({e.Message}).", e);
            }

            if (question is null || string.IsNullOrWhiteSpace(question.Id) || question.Question is null || question.Kind is null)
            {
                throw new FormatException($"{Path.GetFileName(path)}, dòng {lineNumber}: thiếu id, question hoặc kind.");
            }

            questions.Add(question with
            {
                EvidenceAny = question.EvidenceAny ?? [],
                AnswerMustContain = question.AnswerMustContain ?? [],
            });
        }

        return questions;
    }
}
