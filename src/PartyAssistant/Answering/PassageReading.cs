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
    private static readonly Memo<PassageReading> Passages = new();
    private static readonly Memo<MatchText> Texts = new();
    private static readonly Memo<SentenceReading> SentenceReadings = new();
    private static readonly Memo<IReadOnlyList<Role>> HeadingRoles = new();

    private PassageReading(string text)
    {
        this.Whole = new MatchText(text);
        this.Sentences = SentenceSplitter.Split(text).Select(Sentence).ToList();
    }

    public MatchText Whole { get; }

    public IReadOnlyList<SentenceReading> Sentences { get; }

    public static PassageReading Of(string text) => Passages.Get(text, t => new PassageReading(t));

    /// <summary>A heading or title as match text, read once.</summary>
    public static MatchText Text(string text) => Texts.Get(text, t => new MatchText(t));

    /// <summary>A sentence, read once.</summary>
    public static SentenceReading Sentence(string text) => SentenceReadings.Get(text, t => new SentenceReading(t));

    /// <summary>The roles a heading names, read once.</summary>
    public static IReadOnlyList<Role> RolesOf(string heading) => HeadingRoles.Get(heading, h => RoleLexicon.Find(h).Select(m => m.Role).Distinct().ToList());

    /// <summary>
    /// Readings kept by text. A question touches a few dozen passages; a corpus has many more: past the bound the
    /// cache starts afresh rather than grow. The count is kept beside the dictionary, whose own Count takes every lock.
    /// </summary>
    private sealed class Memo<T>
    {
        private readonly ConcurrentDictionary<string, T> cache = new(StringComparer.Ordinal);
        private int count;

        public T Get(string key, Func<string, T> read)
        {
            if (this.cache.TryGetValue(key, out var known))
            {
                return known;
            }

            if (Interlocked.Increment(ref this.count) > Kept)
            {
                this.cache.Clear();
                Interlocked.Exchange(ref this.count, 1);
            }

            return this.cache.GetOrAdd(key, read);
        }
    }
}
