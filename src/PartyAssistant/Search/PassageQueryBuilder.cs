using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PartyAssistant.Questions;
using PartyAssistant.Text;

namespace PartyAssistant.Search;

/// <summary>
/// Builds the Lucene query from the analyzer's own token stream (no QueryParser: its syntax
/// would trip on "213-QĐ/TW" and on users' punctuation). A question typed without diacritics
/// goes to the folded fields only; one with diacritics prefers the accented fields. The domain
/// synonyms join at a lower weight: through Lucene's synonym filter for single syllables, and as the
/// pairs of each equivalent phrase for the pair fields.
/// </summary>
/// <param name="analyzer">The index's own analysis: the question's words as the passages have them.</param>
/// <param name="withSynonyms">The same, with the domain synonyms added (<see cref="DomainSynonyms"/>).</param>
public sealed class PassageQueryBuilder(Analyzer analyzer, Analyzer withSynonyms, SearchOptions options)
{
    // A 2,000-character question has a few hundred syllables; four fields of those stay under Lucene's clause limit.
    private const int MaxTermsPerField = 200;

    // The pairs of each phrase of the synonym list, by field: the list is short, the analysis is not free.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Field, string Phrase), string[]> pairs = new();

    public Query Build(QuestionAnalysis question)
    {
        var query = new BooleanQuery();
        var focus = options.NonFocusWeight == 1 ? null : FocusForms(question);

        // Most questions use no phrase the synonym list knows: then the synonym analysis is not run at all.
        var alternatives = options.SynonymWeight > 0
            ? SynonymTable.In(TextTokens.Of(question.SearchText, marksKnown: !question.TypedWithoutDiacritics)).SelectMany(s => s.Alternatives).Select(a => string.Join(' ', a.Select(t => t.Text))).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var synonyms = alternatives.Count > 0;

        // Fields of one shape (body and heading, accented or folded) are analysed alike: once each. The synonyms widen the
        // body fields the question is searched in first; each added term costs a posting list, and headings and the
        // folded fields of a question typed with marks gain little from them.
        var analysed = new Dictionary<(bool, bool), (List<string> Own, List<string> Added)>();
        if (question.TypedWithoutDiacritics)
        {
            this.AddField(query, SearchFields.BodyFolded, question.SearchText, options.SyllableWeight, focus, synonyms, analysed);
            this.AddPairs(query, SearchFields.BodyFoldedBigrams, question.SearchText, alternatives, options.BigramWeight, focus);
            this.AddField(query, SearchFields.HeadingFolded, question.SearchText, options.HeadingWeight, focus, false, analysed);
        }
        else
        {
            this.AddField(query, SearchFields.Body, question.SearchText, options.SyllableWeight, focus, synonyms, analysed);
            this.AddPairs(query, SearchFields.BodyBigrams, question.SearchText, alternatives, options.BigramWeight, focus);
            this.AddField(query, SearchFields.Heading, question.SearchText, options.HeadingWeight, focus, false, analysed);
            if (options.FoldedWeightWhenAccented > 0)
            {
                this.AddField(query, SearchFields.BodyFolded, question.SearchText, options.FoldedWeightWhenAccented * options.SyllableWeight, focus, false, analysed);
                this.AddPairs(query, SearchFields.BodyFoldedBigrams, question.SearchText, [], options.FoldedWeightWhenAccented * options.BigramWeight, focus);
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

    private void AddField(
        BooleanQuery query, string field, string text, float weight, HashSet<string>? focus, bool synonyms,
        Dictionary<(bool, bool), (List<string> Own, List<string> Added)> analysed)
    {
        if (weight <= 0)
        {
            return;
        }

        // Lucene's Solr-format synonyms replace a phrase by all its forms, itself included: what the question wrote is told by the plain analysis.
        var shape = SearchFields.ShapeOf(field);
        if (!analysed.TryGetValue(shape, out var terms))
        {
            var own = AnalyzerTerms.Of(analyzer, field, text).Take(MaxTermsPerField).ToList();
            var added = synonyms
                ? AnalyzerTerms.Of(withSynonyms, field, text).Except(own, StringComparer.Ordinal).Take(MaxTermsPerField).ToList()
                : [];
            analysed[shape] = terms = (own, added);
        }

        foreach (var value in terms.Own)
        {
            query.Add(new TermQuery(new Term(field, value)) { Boost = weight * Emphasis(value, focus) }, Occur.SHOULD);
        }

        foreach (var value in terms.Added)
        {
            query.Add(new TermQuery(new Term(field, value)) { Boost = weight * options.SynonymWeight * Emphasis(value, focus) }, Occur.SHOULD);
        }
    }

    /// <summary>
    /// Words of the question's frame ("có phải … không"), its joining words and the words found everywhere
    /// in the domain say little about which passage answers: they count for less than its focus.
    /// </summary>
    private float Emphasis(string term, HashSet<string>? focus) =>
        focus is null || term.Split(' ').All(focus.Contains) ? 1f : options.NonFocusWeight;

    private static HashSet<string>? FocusForms(QuestionAnalysis question)
    {
        if (question.Focus.IsEmpty)
        {
            return null;
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in question.Focus.Tokens)
        {
            forms.Add(token.Accented);
            forms.Add(token.Folded);
        }

        // What the synonyms offer for the focus is focus too.
        foreach (var alternative in question.Focus.Runs.SelectMany(r => r.Synonyms).SelectMany(s => s.Alternatives).SelectMany(a => a))
        {
            forms.Add(alternative.Accented);
            forms.Add(alternative.Folded);
        }

        return forms;
    }

    /// <summary>The question's syllable pairs, and those of the phrases the synonyms offer for its own, at the synonym weight.</summary>
    private void AddPairs(BooleanQuery query, string field, string text, IReadOnlyList<string> alternatives, float weight, HashSet<string>? focus)
    {
        if (weight <= 0)
        {
            return;
        }

        var own = AnalyzerTerms.Of(analyzer, field, text).Take(MaxTermsPerField).ToList();
        foreach (var value in own)
        {
            query.Add(new TermQuery(new Term(field, value)) { Boost = weight * Emphasis(value, focus) }, Occur.SHOULD);
        }

        var added = own.ToHashSet(StringComparer.Ordinal);
        foreach (var value in alternatives.SelectMany(a => this.PairsOf(field, a)).Where(added.Add).Take(MaxTermsPerField))
        {
            query.Add(new TermQuery(new Term(field, value)) { Boost = weight * options.SynonymWeight * Emphasis(value, focus) }, Occur.SHOULD);
        }
    }

    private static ConstantScoreQuery Constant(string field, string key, float boost) =>
        new(new TermQuery(new Term(field, key))) { Boost = boost };

    private string[] PairsOf(string field, string phrase) =>
        this.pairs.GetOrAdd((field, phrase), key => [.. AnalyzerTerms.Of(analyzer, key.Field, key.Phrase)]);
}
