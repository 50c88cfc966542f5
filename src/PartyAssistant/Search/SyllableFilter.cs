using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PartyAssistant.Text;

namespace PartyAssistant.Search;

/// <summary>
/// Lower case, one tone placement, one spelling of the known variants (hằng/hàng năm) and,
/// for the folded fields, no diacritics at all.
/// </summary>
internal sealed class SyllableFilter : TokenFilter
{
    private static readonly Dictionary<string, string> Variants = new(StringComparer.Ordinal)
    {
        // "hằng năm" and "hàng năm" are both correct and both used in Party documents.
        ["hằng"] = "hàng",
    };

    private readonly bool fold;
    private readonly ICharTermAttribute termAttribute;

    public SyllableFilter(TokenStream input, bool fold) : base(input)
    {
        this.fold = fold;
        this.termAttribute = this.AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!this.m_input.IncrementToken())
        {
            return false;
        }

        var term = Syllable.Canonical(this.termAttribute.ToString().ToLowerInvariant());
        if (Variants.TryGetValue(term, out var variant))
        {
            term = variant;
        }

        if (this.fold)
        {
            term = VietnameseText.Fold(term);
        }

        this.termAttribute.SetEmpty().Append(term);
        return true;
    }
}
