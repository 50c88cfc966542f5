using System.Text;
using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>A role's duties as an answer quotes them: each checklist item with the number [n] of its passage.</summary>
public sealed record RoleDuties(PartyAssistant.Facts.Role Role, IReadOnlyList<(int N, PartyAssistant.Obligations.Obligation Item)> Items);

/// <summary>The passages an answer may cite, numbered from 1 in the order they are given.</summary>
/// <param name="rarity">How rare a folded syllable or syllable pair is in the corpus (for choosing sentences); null: all alike.</param>
public sealed class SuppliedPassages(IReadOnlyList<SearchHit> hits, Func<string, double>? rarity = null)
{
    public IReadOnlyList<SearchHit> Hits { get; } = hits;

    public Func<string, double> Rarity { get; } = rarity ?? (_ => 1.0);

    public int Count => this.Hits.Count;

    /// <summary>For a question about a role's duties: the role and its fitting duties, each with the number of the passage it quotes.</summary>
    public RoleDuties? Duties { get; init; }

    /// <summary>The judgement of which sentences state what is asked; null when none was made (the answerer then reads every sentence).</summary>
    public Evidence? Evidence { get; init; }

    /// <summary>The number [n] of the passage with this id, or null when it was not supplied.</summary>
    public int? NumberOf(string passageId)
    {
        for (var i = 0; i < this.Hits.Count; i++)
        {
            if (this.Hits[i].PassageId == passageId)
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>The passage [n] points at, or null when n is out of range.</summary>
    public SearchHit? this[int n] => n >= 1 && n <= this.Hits.Count ? this.Hits[n - 1] : null;

    /// <summary>How the passages are written into the prompt: number, label, marks, text.</summary>
    public string ToPrompt()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < this.Hits.Count; i++)
        {
            var hit = this.Hits[i];
            sb.Append('[').Append(i + 1).Append("] ").Append(hit.Label);
            if (hit.FromSummary)
            {
                sb.Append(" (bản tóm tắt)");
            }

            if (hit.FromScan)
            {
                sb.Append(' ').Append(SourceList.ScanMark);
            }

            if (hit.ReplacedWarning is not null)
            {
                sb.Append(" (").Append(hit.ReplacedWarning).Append(')');
            }

            sb.Append('\n').Append(hit.Text).Append("\n\n");
        }

        return sb.ToString().TrimEnd();
    }
}
