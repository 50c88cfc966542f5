using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PartyAssistant.Search;

/// <summary>The distinct terms an analyzer makes of a text, in order: what query clauses are built from.</summary>
public static class AnalyzerTerms
{
    public static IReadOnlyList<string> Of(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (seen.Add(value))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }
}
