using System.Collections.Concurrent;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Questions;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>One sentence of a passage, read once: its words for matching, and — when asked — its facts, names, denials and reports.</summary>
internal sealed class SentenceReading(string text)
{
    /// <summary>The reading of a sentence, kept by its text like the passages' (<see cref="PassageReading"/>).</summary>
    public static SentenceReading Of(string text) => PassageReading.Sentence(text);

    private IReadOnlyList<Fact>? facts;
    private IReadOnlyList<DocumentMention>? documents;
    private IReadOnlyList<RoleMention>? roles;
    private IReadOnlyList<string>? negations;
    private IReadOnlyList<string>? reports;
    private Obligations.ObligationSentence? reading;

    public string Text { get; } = text;

    public MatchText Match { get; } = new(text);

    public IReadOnlyList<TextToken> Tokens => this.Match.Tokens;

    public IReadOnlyList<Fact> Facts => this.facts ??= FactExtractor.Extract(this.Text);

    public IReadOnlyList<DocumentMention> Documents => this.documents ??= DocumentReference.Find(this.Text);

    public IReadOnlyList<RoleMention> Roles => this.roles ??= RoleLexicon.Find(this.Text);

    /// <summary>The denials it makes, folded ("chua co").</summary>
    public IReadOnlyList<string> Negations => this.negations ??= QuestionLexicon.NegationsIn(this.Tokens);

    /// <summary>How it reads as a duty: who it names as its subject, whether it directs.</summary>
    public Obligations.ObligationSentence Obligation => this.reading ??= Obligations.ObligationSentence.Read(this.Text, directiveContext: true);

    /// <summary>The report words it uses, folded ("tinh trang").</summary>
    public IReadOnlyList<string> Reports => this.reports ??= QuestionLexicon.ReportsIn(this.Tokens);
}

/// <summary>
/// A passage read once for judging questions against it: its sentences and its whole text as match
/// text. Readings are kept by text (bounded), so a passage found again by the next question is not read again.
/// </summary>
internal sealed class PassageReading
{
    private const int Kept = 20_000;
    private static readonly ConcurrentDictionary<string, PassageReading> Passages = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MatchText> Texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SentenceReading> SentenceReadings = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Role>> HeadingRoles = new(StringComparer.Ordinal);

    private PassageReading(string text)
    {
        this.Whole = new MatchText(text);
        this.Sentences = SentenceSplitter.Split(text).Select(Sentence).ToList();
    }

    public MatchText Whole { get; }

    public IReadOnlyList<SentenceReading> Sentences { get; }

    public static PassageReading Of(string text) => Remember(Passages, text, t => new PassageReading(t));

    /// <summary>A heading or title as match text, read once.</summary>
    public static MatchText Text(string text) => Remember(Texts, text, t => new MatchText(t));

    /// <summary>A sentence, read once.</summary>
    public static SentenceReading Sentence(string text) => Remember(SentenceReadings, text, t => new SentenceReading(t));

    /// <summary>The roles a heading names, read once.</summary>
    public static IReadOnlyList<Role> RolesOf(string heading) => Remember(HeadingRoles, heading, h => RoleLexicon.Find(h).Select(m => m.Role).Distinct().ToList());

    // A question touches a few dozen passages; a corpus has many more. Past the bound, start afresh rather than grow.
    private static T Remember<T>(ConcurrentDictionary<string, T> cache, string key, Func<string, T> read)
    {
        if (cache.TryGetValue(key, out var known))
        {
            return known;
        }

        if (cache.Count >= Kept)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, read);
    }
}
