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

        var raw = this.termAttribute.ToString();
        var forms = Syllable.Forms(raw);
        this.termAttribute.SetEmpty().Append(this.fold ? forms.Folded : forms.Accented);
        return true;
    }
}
