using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Outlines;

/// <summary>What to outline: a document, the length of the session and who it is for (null: a chi bộ).</summary>
/// <param name="Section">A section path prefix ("II", "II.3"), or null for the whole document.</param>
public sealed record OutlineRequest(string DocumentId, int Minutes = OutlineRequest.DefaultMinutes, string? Section = null, Audience? Audience = null)
{
    public const int DefaultMinutes = 45;
}

/// <summary>
/// Makes a session outline from one document, offline: its parts in order with their key points,
/// the figures and deadlines, discussion questions, the time plan and a short quiz. Everything
/// quoted is the document's own words, cited to its passage.
/// </summary>
public sealed class OutlineBuilder(OutlineQuiz quiz, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private volatile CorpusDuties? duties;

    public SessionOutline Build(CorpusLoadResult corpus, OutlineRequest request)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(request);
        if (SessionTimePlanner.Problem(request.Minutes) is { } problem)
        {
            throw new OutlineRequestException(problem);
        }

        var document = corpus.FindDocument(request.DocumentId.Trim())
            ?? throw new OutlineRequestException(corpus.UnknownDocument(request.DocumentId));

        var entry = corpus.Catalog[document.Id];
        var section = SectionScope.Normalize(request.Section);
        if (section is not null)
        {
            // The session covers one section: the document narrowed to its passages, headings kept for the parts.
            var taught = DocumentParts.Taught(document).ToList();
            var within = taught.Where(p => SectionScope.Contains(document, p, section)).ToList();
            if (within.Count == 0)
            {
                throw new OutlineRequestException(SectionScope.Missing(document, taught, section));
            }

            document = document.WithPassages(within);
        }

        var parts = DocumentParts.Read(document)
            .Select(p => new OutlinePart(p.Heading, p.Topics.Select(t => new OutlineTopic(t.Heading, t.Passages.SelectMany(KeyPointSelector.Select).ToList())).ToList()))
            .ToList();
        var audience = request.Audience ?? Audiences.Default;
        var duties = this.DutiesOf(corpus);
        var questions = DiscussionQuestionWriter.Write(parts, DateOnly.FromDateTime(this.clock.GetLocalNow().DateTime), audience, duties);
        var items = quiz.For(corpus, document, section);
        var plan = SessionTimePlanner.Plan(request.Minutes, parts, hasQuiz: items.Count > 0);
        parts = parts.Select((p, i) => p with { Minutes = plan[i + 1].Minutes }).ToList();
        return new SessionOutline(Describe(entry, section), request.Minutes, parts, FigureCollector.Collect(document), questions, plan, items)
        {
            Audience = audience,
        };
    }

    /// <summary>Who each duty sentence of the corpus is for: read once per corpus, as a service builds many outlines from one.</summary>
    private ILookup<(string PassageId, string Key), Role> DutiesOf(CorpusLoadResult corpus)
    {
        if (this.duties is { } known && ReferenceEquals(known.Corpus, corpus))
        {
            return known.ByPassage;
        }

        // Two builds meeting a new corpus may both read it; the result is the same.
        var read = ObligationFinder.FindAll(corpus).SelectMany(r => r.Items).ToLookup(i => (i.PassageId, VietnameseText.MatchKey(i.Quote)), i => i.Role);
        this.duties = new CorpusDuties(corpus, read);
        return read;
    }

    private sealed record CorpusDuties(CorpusLoadResult Corpus, ILookup<(string PassageId, string Key), Role> ByPassage);

    private static OutlineDocumentInfo Describe(DocumentEntry entry, string? section)
    {
        var m = entry.Document.Metadata;
        var notices = new List<string>();
        if (section is not null)
        {
            notices.Add($"Dàn ý cho mục {section} của văn bản, không phải toàn bộ văn bản.");
        }

        if (m.IsSummary)
        {
            notices.Add("Đây là bản tóm tắt không chính thức, không phải nguyên văn văn bản; khi cần trích dẫn chính xác, đối chiếu với toàn văn.");
            if (m.NotCovered is { } notCovered)
            {
                notices.Add($"Bản tóm tắt không bao gồm: {notCovered}");
            }
        }

        switch (entry.Standing)
        {
            case DocumentStanding.SummaryOfIngestedText:
                notices.Add($"Đã có toàn văn ({entry.OfficialText!.Id}): nên lập dàn ý từ toàn văn.");
                break;
            case DocumentStanding.Replaced:
                notices.Add($"Cảnh báo: văn bản này {entry.Warning}; chỉ dùng để tham khảo, không hướng dẫn thực hiện theo văn bản này.");
                break;
        }

        return new OutlineDocumentInfo(m.Id, m.Type, m.Number, m.Date, m.Issuer, m.Title, m.CitationName, entry.DescribeStanding(), m.IsSummary,
            notices.Select(VietnameseText.Normalize).ToList());
    }
}
