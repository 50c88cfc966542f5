using System.Text;
using PartyAssistant.Answering;

namespace PartyAssistant.Channels;

/// <summary>
/// An answer as plain text, for platforms without markup or buttons: the answer with its sources,
/// then how to read each cited passage in full ("xem &lt;mã-đoạn&gt;").
/// </summary>
public static class PlainAnswerText
{
    public static string Format(GroundedAnswer answer)
    {
        var sb = new StringBuilder();
        if (answer.Notice is not null)
        {
            sb.Append(answer.Notice).Append("\n\n");
        }

        sb.Append(answer.Answer);
        if (answer.Citations.Count > 0)
        {
            sb.Append("\n\nXem nguyên văn:");
            foreach (var citation in answer.Citations)
            {
                sb.Append("\n[").Append(citation.N).Append("] gửi: xem ").Append(citation.PassageId);
            }
        }

        return sb.ToString();
    }
}
