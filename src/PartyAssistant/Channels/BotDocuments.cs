using System.Text;
using PartyAssistant.Corpus;
using PartyAssistant.Search;

namespace PartyAssistant.Channels;

/// <summary>The bots' document replies: /vanban (documents and status), /xem (a passage), and "related documents".</summary>
public sealed class BotDocuments(CorpusIndex index)
{
    public async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var corpus = await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false);
        var sb = new StringBuilder("Các văn bản đã nạp:\n");
        foreach (var document in corpus.Documents)
        {
            var m = document.Metadata;
            sb.Append("\n• ").Append(m.ShortTitle).Append(m.IsSummary ? " — bản tóm tắt, không phải nguyên văn" : " — nguyên văn")
                .Append("; ").Append(corpus.DescribeStanding(document)).Append(" (mã: ").Append(m.Id).Append(')');
        }

        return sb.Append("\n\nXem một đoạn: /xem mã-đoạn, ví dụ /xem kl-tu-nq03/II.3.4").ToString();
    }

    public async Task<string> ShowAsync(string passageId, CancellationToken cancellationToken)
    {
        var id = passageId.Trim();
        if (id.Length == 0)
        {
            return "Hãy ghi mã đoạn sau lệnh, ví dụ: /xem kl-tu-nq03/II.3.4 (mã có ở cuối mỗi trích dẫn).";
        }

        var corpus = await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false);
        var document = corpus.FindDocument(id.Split('/')[0]);
        var passage = document?.Passages.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (document is null || passage is null)
        {
            return $"Không có đoạn nào mang mã \"{id}\". Gõ /vanban để xem các văn bản.";
        }

        var summary = document.Metadata.IsSummary ? "\n(Bản tóm tắt không chính thức, không phải nguyên văn.)" : string.Empty;
        var standing = corpus.Catalog[document.Id].Standing == DocumentStanding.InForce ? string.Empty : $"\n⚠ Văn bản {corpus.DescribeStanding(document)}.";
        return $"{passage.Label}\n({passage.Id}){summary}{standing}\n\n{passage.Text}";
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
