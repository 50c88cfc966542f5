using System.Collections.Concurrent;
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
        var forms = Cache.TryGetValue(raw, out var cached) ? cached : Remember(raw);
        this.termAttribute.SetEmpty().Append(this.fold ? forms.Folded : forms.Accented);
        return true;
    }

    // Vietnamese has a few thousand syllables, so the same few terms come back again and again;
    // computing their forms once keeps indexing and querying cheap. Bounded against odd input.
    private const int CacheLimit = 200_000;
    private static readonly ConcurrentDictionary<string, (string Accented, string Folded)> Cache = new(StringComparer.Ordinal);

    private static (string Accented, string Folded) Remember(string raw)
    {
        var accented = Syllable.Standard(raw);
        var forms = (accented, VietnameseText.Fold(accented));
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(raw, forms);
        }

        return forms;
    }
}
