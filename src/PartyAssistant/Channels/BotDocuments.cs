using System.Text;
using PartyAssistant.Corpus;
using PartyAssistant.Documents;
using PartyAssistant.Search;

namespace PartyAssistant.Channels;

/// <summary>The bots' document replies: /vanban (documents and status), /xem (a passage), and "related documents".</summary>
public sealed class BotDocuments(CorpusIndex index, PassageLookup lookup, DocumentListing listing)
{
    public async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var sb = new StringBuilder("Các văn bản đã nạp:\n");
        foreach (var document in await listing.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            sb.Append("\n• ").Append(document.ShortTitle).Append(document.Kind == "summary" ? " — bản tóm tắt, không phải nguyên văn" : " — nguyên văn")
                .Append("; ").Append(document.StandingText).Append(" (mã: ").Append(document.Id).Append(')');
        }

        return sb.Append("\n\nXem một đoạn: /xem mã-đoạn, ví dụ /xem kl-tu-nq03/II.3.4").ToString();
    }

    public async Task<string> ShowAsync(string passageId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(passageId))
        {
            return "Hãy ghi mã đoạn sau lệnh, ví dụ: /xem kl-tu-nq03/II.3.4 (mã có ở cuối mỗi trích dẫn).";
        }

        var found = await lookup.FindAsync(passageId, cancellationToken).ConfigureAwait(false);
        if (found.Found is not { } shown)
        {
            return found.BadId ? found.Problem! : $"{found.Problem} Gõ /vanban để xem các văn bản.";
        }

        var summary = shown.Document.Metadata.IsSummary ? $"\n({PassageInContext.SummaryNote})" : string.Empty;
        var standing = shown.InForce ? string.Empty : $"\n⚠ Văn bản {shown.Entry.DescribeStanding()}.";
        return $"{shown.Passage.Label}\n({shown.Passage.Id}){summary}{standing}\n\n{shown.Passage.Text}";
    }

    public async Task<string> RelatedAsync(IEnumerable<Channels.Storage.StoredPassage> passages, CancellationToken cancellationToken)
    {
        var corpus = await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false);
        var sb = new StringBuilder("Tài liệu liên quan:\n");
        foreach (var id in passages.Select(p => p.DocumentId).Distinct(StringComparer.Ordinal))
        {
            if (corpus.FindDocument(id) is { } document)
            {
                var m = document.Metadata;
                sb.Append("\n• ").Append(m.ShortTitle).Append(": ").Append(m.Title)
                    .Append(m.IsSummary ? " (bản tóm tắt)" : string.Empty).Append(" — ").Append(corpus.DescribeStanding(document));
            }
        }

        return sb.ToString();
    }
}
