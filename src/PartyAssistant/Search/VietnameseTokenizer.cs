using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace PartyAssistant.Search;

/// <summary>Splits on everything that is not a letter or a digit: Vietnamese words are space-separated syllables.</summary>
internal sealed class VietnameseTokenizer(TextReader input) : CharTokenizer(LuceneVersion.LUCENE_48, input)
{
    protected override bool IsTokenChar(int c) => char.IsLetterOrDigit((char)c) ||
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory((char)c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
