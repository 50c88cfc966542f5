using System.Text;
using PartyAssistant.Corpus;
using PartyAssistant.Questions;
using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>
/// What the user reads when the documents do not answer: which named documents are not loaded (and
/// how to load them), what is not stated, and — when some passage comes close — the closest
/// sentences, quoted and labelled as related, never as the answer.
/// </summary>
public static class AbstentionText
{
    public const string NotCovered = "Các văn bản đã nạp không đề cập tới nội dung này, nên tôi không trả lời để tránh sai lệch.";

    public static string Write(QuestionAnalysis question, IReadOnlyList<DocumentReference> notLoaded, IReadOnlyList<RelatedSentence> related, IReadOnlyList<SearchHit> closest)
    {
        var sb = new StringBuilder();
        if (notLoaded.Count > 0)
        {
            var names = string.Join(", ", notLoaded.Select(r => r.Name));
            sb.Append(notLoaded.Count == 1 ? "Văn bản " : "Các văn bản ").Append(names)
                .Append(" chưa được nạp vào kho văn bản, nên tôi không trả lời thay cho văn bản đó. ")
                .Append("Để nạp toàn văn: dotnet run --project src/PartyAssistant.Cli -- ingest <tệp .docx/.pdf> (xem README, mục “Adding a document”).\n");
        }

        if (related.Count > 0)
        {
            var focus = question.Focus.Display.Length > 0 ? question.Focus.Display : question.Original.TrimEnd('?', ' ');
            sb.Append("Các văn bản đã nạp không nêu “").Append(focus).Append("”. Gần nhất, văn bản có nói (chỉ để tham khảo, không phải câu trả lời):\n");
            foreach (var sentence in related)
            {
                sb.Append("- “").Append(sentence.Quote).Append("” — ").Append(sentence.Label);
                if (sentence.FromSummary)
                {
                    sb.Append(" (theo bản tóm tắt, không phải nguyên văn)");
                }

                sb.Append('\n');
            }

            return sb.ToString().TrimEnd();
        }

        if (notLoaded.Count > 0)
        {
            return sb.ToString().TrimEnd();
        }

        var documents = closest.Select(h => h.Label.Split(" · ")[0]).Distinct(StringComparer.Ordinal).Take(3).ToList();
        return sb.Append(NotCovered)
            .Append(documents.Count == 0 ? string.Empty : $" Văn bản gần nhất với câu hỏi: {string.Join("; ", documents)}.")
            .ToString();
    }
}
