using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PartyAssistant.Search;

/// <summary>
/// Builds the Lucene query from the analyzer's own token stream (no QueryParser: its syntax
/// would trip on "213-QĐ/TW" and on users' punctuation). A question typed without diacritics
/// goes to the folded fields only; one with diacritics prefers the accented fields.
/// </summary>
public sealed class PassageQueryBuilder(Analyzer analyzer, SearchOptions options)
{
    // A 2,000-character question has a few hundred syllables; four fields of those stay under Lucene's clause limit.
    private const int MaxTermsPerField = 200;

    public Query Build(AnalyzedQuestion question)
    {
        var query = new BooleanQuery();
        if (question.TypedWithoutDiacritics)
        {
            this.AddField(query, SearchFields.BodyFolded, question.SearchText, options.SyllableWeight);
            this.AddField(query, SearchFields.BodyFoldedBigrams, question.SearchText, options.BigramWeight);
            this.AddField(query, SearchFields.HeadingFolded, question.SearchText, options.HeadingWeight);
        }
        else
        {
            this.AddField(query, SearchFields.Body, question.SearchText, options.SyllableWeight);
            this.AddField(query, SearchFields.BodyBigrams, question.SearchText, options.BigramWeight);
            this.AddField(query, SearchFields.Heading, question.SearchText, options.HeadingWeight);
            if (options.FoldedWeightWhenAccented > 0)
            {
                this.AddField(query, SearchFields.BodyFolded, question.SearchText, options.FoldedWeightWhenAccented * options.SyllableWeight);
                this.AddField(query, SearchFields.BodyFoldedBigrams, question.SearchText, options.FoldedWeightWhenAccented * options.BigramWeight);
            }
        }

        foreach (var reference in question.References)
        {
            // The named document's own passages or the passages citing it: whichever applies, once.
            var either = new DisjunctionMaxQuery(0f)
            {
                Constant(SearchFields.OwnReferences, reference.QueryKey, options.NamedDocumentBoost),
                Constant(SearchFields.CitedReferences, reference.QueryKey, options.CitingPassageBoost),
            };
            query.Add(either, Occur.SHOULD);
        }

        return query;
    }

    private void AddField(BooleanQuery query, string field, string text, float weight)
    {
        if (weight <= 0)
        {
            return;
        }

        foreach (var value in AnalyzerTerms.Of(analyzer, field, text).Take(MaxTermsPerField))
        {
            query.Add(new TermQuery(new Term(field, value)) { Boost = weight }, Occur.SHOULD);
        }
    }

    private static ConstantScoreQuery Constant(string field, string key, float boost) =>
        new(new TermQuery(new Term(field, key))) { Boost = boost };
}
