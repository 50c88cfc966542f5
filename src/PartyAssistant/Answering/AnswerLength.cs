using System.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Keeps an answer readable on a phone whatever the passages or the model hand in: at most
/// <see cref="AnsweringOptions.MaxAnswerChars"/>, cut at a sentence, each source quote shortened, and a
/// note that says so. The cited passages stay whole in the answer's record, for "xem" and the buttons.
/// </summary>
public static class AnswerLength
{
    public const string ShortenedNote = "(Câu trả lời đã được rút gọn vì quá dài; xem nguyên văn các đoạn được trích dẫn.)";

    // A source line names its passage and quotes it; past this the quote is cut, the label kept.
    private const int MaxSourceLine = 220;

    public static GroundedAnswer Limit(GroundedAnswer answer, int maxChars)
    {
        if (answer.Answer.Length <= maxChars)
        {
            return answer;
        }

        var at = answer.Answer.IndexOf(SourceList.Heading, StringComparison.Ordinal);
        var body = (at >= 0 ? answer.Answer[..at] : answer.Answer).Trim();

        // The body quotes the passages already: the sources first give up the length of their quotes (the label and the
        // quote's start still find the passage), and only then is the body cut.
        var sources = at >= 0 ? ShortenSources(answer.Answer[at..]) : string.Empty;
        var joined = sources.Length > 0 ? $"{body}\n\n{sources}" : body;
        if (joined.Length <= maxChars)
        {
            return answer with { Answer = joined };
        }

        // The sources are how a reader checks the answer: they keep their room up to half, the body gets the rest.
        if (sources.Length > maxChars / 2)
        {
            sources = Cut(sources, maxChars / 2);
        }

        var shortBody = Cut(body, Math.Max(maxChars - sources.Length - ShortenedNote.Length - 8, 100));

        // A body cut before its first citation leaves nothing a reader can check: the sources give up
        // their room, the last first, until the body keeps one.
        var sourceLines = sources.Split('\n').ToList();
        while (!CitationChecker.Markers(shortBody).Any() && sourceLines.Count > 2)
        {
            sourceLines.RemoveAt(sourceLines.Count - 1);
            sources = string.Join('\n', sourceLines);
            shortBody = Cut(body, Math.Max(maxChars - sources.Length - ShortenedNote.Length - 8, 100));
        }

        // A source the cut body no longer cites goes with it, and what is left is numbered 1, 2, 3… again:
        // a reader finds no [2] in the sources that the answer never mentions, and no gap in the numbers.
        var cited = CitationChecker.Markers(shortBody).ToHashSet();
        if (cited.Count > 0 && sources.Length > 0)
        {
            sources = string.Join('\n', sources.Split('\n').Where(line => !line.StartsWith('[') || CitationChecker.Markers(line).Take(1).Any(cited.Contains)));
        }

        var text = $"{shortBody}\n\n{ShortenedNote}" + (sources.Length > 0 ? $"\n\n{sources}" : string.Empty);
        var kept = answer.Citations.Where(c => cited.Contains(c.N)).ToList();
        return cited.Count == 0
            ? answer with { Answer = text, Citations = answer.Citations.Take(1).ToList() }
            : CitationNumbers.RenumberCut(answer with { Answer = text, Citations = kept });
    }

    /// <summary>
    /// A model reply cut to what can be shown before it is checked: checking every claim of a 2 MB reply would take the
    /// time of many answers, and all but the first few thousand characters would be cut anyway. Cut at a paragraph.
    /// </summary>
    public static string CutReply(string reply, int maxChars)
    {
        if (reply.Length <= maxChars)
        {
            return reply;
        }

        var paragraph = reply.LastIndexOf("\n\n", maxChars, StringComparison.Ordinal);
        return paragraph > maxChars / 2 ? reply[..paragraph] : Cut(reply, maxChars);
    }

    private static string ShortenSources(string sources)
    {
        var sb = new StringBuilder();
        foreach (var line in sources.Split('\n'))
        {
            sb.Append(line.Length <= MaxSourceLine ? line : Cut(line, MaxSourceLine) + "”").Append('\n');
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>At most <paramref name="max"/> characters, ending at a sentence if one ends in the last third, else at a space.</summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var window = text[..max];
        var sentence = window.LastIndexOfAny(['.', '!', '?', '\n']);
        if (sentence >= max * 2 / 3)
        {
            return window[..(sentence + 1)].TrimEnd();
        }

        var space = window.LastIndexOf(' ');
        return (space > max / 2 ? window[..space] : window).TrimEnd() + " …";
    }
}
