using PartyAssistant.Answering;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// Makes quiz questions from a document's sentences, offline and reproducibly. Each question
/// tests one fact of one sentence (a figure, a date, a document, a quoted term, a frequency, who
/// acts), quotes that sentence word for word and cites its passage, so it can be answered from the
/// passage alone; no two questions test the same sentence.
/// </summary>
public sealed class QuizGenerator(TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    // Figures and dates are what trainers check first; "đảng viên" as the actor is the weakest test.
    private static readonly FactKind[] Priority =
        [FactKind.Percent, FactKind.Quantity, FactKind.Time, FactKind.Document, FactKind.QuotedTerm, FactKind.Frequency, FactKind.Actor];

    private static readonly QuizItemType[] Rotation = [QuizItemType.MultipleChoice, QuizItemType.FillBlank, QuizItemType.TrueFalse];

    public Quiz Generate(CorpusLoadResult corpus, QuizRequest request)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(request);
        if (Text.InputValidator.QuizCount(request.Count) is { } problem)
        {
            throw new QuizRequestException(problem);
        }

        var document = corpus.FindDocument(request.DocumentId.Trim())
            ?? throw new QuizRequestException(corpus.UnknownDocument(request.DocumentId));
        var entry = corpus.Catalog[document.Id];
        var section = SectionScope.Normalize(request.Section);
        var material = document.Passages.Where(p => QuizSentences.IsMaterial(document, p)).ToList();
        var passages = material.Where(p => SectionScope.Contains(document, p, section)).ToList();
        if (passages.Count == 0)
        {
            throw new QuizRequestException(SectionScope.Missing(document, material, section));
        }

        // Wrong answers come from documents that may answer questions, plus the quizzed one.
        var poolSentences = corpus.Documents
            .Where(d => d.Id == document.Id || corpus.Catalog[d.Id].Standing == DocumentStanding.InForce)
            .SelectMany(QuizSentences.Of);
        var pool = DistractorPool.Build(poolSentences);
        var allPassages = corpus.Passages.ToList();

        var types = request.Types is { Count: > 0 } t ? t : QuizItemTypes.All;
        var candidates = passages.SelectMany(p => QuizSentences.Of(document, p)).Select(s => Candidate.For(s, pool)).OfType<Candidate>().ToList();
        var today = DateOnly.FromDateTime(this.clock.GetLocalNow().DateTime);
        // No type over its share while the text offers another: a question that could only be of a type already at its
        // share waits until the other sentences are used up.
        var ordered = Select(candidates).ToList();
        var share = MaxOfOneType(Math.Min(request.Count, ordered.Count));
        var chosen = new List<(Candidate Candidate, QuizItem Item)>();
        var waiting = new List<Candidate>();
        QuizItem? Make(Candidate c) =>
            Build(c, chosen.Select(x => x.Item).ToList(), share, types, allPassages, pool, document.Metadata) is { } item && Verifies(item, c.Sentence.Passage) ? item : null;
        foreach (var candidate in ordered)
        {
            if (chosen.Count == request.Count)
            {
                break;
            }

            if (Make(candidate) is not { } item)
            {
                continue;
            }

            if (chosen.Count(x => x.Item.Type == item.Type) >= share)
            {
                waiting.Add(candidate);
                continue;
            }

            chosen.Add((candidate, item));
        }

        foreach (var candidate in waiting.TakeWhile(_ => chosen.Count < request.Count))
        {
            if (Make(candidate) is { } item)
            {
                chosen.Add((candidate, item));
            }
        }

        var items = chosen
            .OrderBy(x => x.Candidate.Sentence.Passage.Order).ThenBy(x => x.Candidate.Sentence.Index)
            .Select(x => x.Item with { PassedTarget = PassedTarget.In(x.Item.Quote, today) })
            .ToList();

        return new Quiz(document.Id, document.Metadata.CitationName, document.Metadata.Title, section, document.Metadata.IsSummary,
            Notices(entry), request.Count, items);
    }

    /// <summary>
    /// The most questions of one type a quiz of <paramref name="count"/> may have: 40 %, or a third rounded up when three
    /// types cannot all stay under 40 % (4 questions: one type has 2).
    /// </summary>
    public static int MaxOfOneType(int count) => Math.Max((int)Math.Ceiling(count / 3.0), (int)Math.Floor(0.4 * count));

    /// <summary>
    /// The best sentence of every passage first, then the second best, and so on, so a short quiz
    /// covers the whole text rather than its densest paragraph; one question a sentence and one a fact.
    /// </summary>
    private static IEnumerable<Candidate> Select(List<Candidate> candidates)
    {
        var rounds = candidates
            .GroupBy(c => c.Sentence.Passage.Id)
            .SelectMany(g => g.OrderBy(c => c.Score).ThenBy(c => c.Sentence.Index).Select((c, round) => (Candidate: c, Round: round)))
            .OrderBy(x => x.Round).ThenBy(x => x.Candidate.Score).ThenBy(x => x.Candidate.Sentence.Passage.Order).ThenBy(x => x.Candidate.Sentence.Index);
        // A date two sentences state is asked once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var facts = new HashSet<string>(StringComparer.Ordinal);
        return rounds
            .Select(x => x.Candidate)
            .Where(c => !facts.Contains(FactKey(c)) && seen.Add(VietnameseText.MatchKey(c.Sentence.Text)) && facts.Add(FactKey(c)));
    }

    // A date, a document number or a figure is one fact wherever it is written; an actor or a term acts anew in each sentence.
    private static string FactKey(Candidate c) => QuizFacts.IsFigure(c.Fact.Kind)
        ? $"{c.Fact.Kind}|{VietnameseText.MatchKey(c.Fact.Text)}"
        : $"{c.Sentence.Passage.Id}#{c.Sentence.Index}";

    /// <summary>
    /// The question of the type asked least so far that this sentence allows, so no type crowds out the others. Every sentence
    /// can be a fill-in, few allow a choice: a sentence that allows one is asked that way while its type is under its
    /// <paramref name="share"/>, and a fill-in comes next.
    /// </summary>
    private static QuizItem? Build(Candidate candidate, IReadOnlyList<QuizItem> asked, int share, IReadOnlySet<QuizItemType> types, IReadOnlyList<Passage> corpus, DistractorPool pool, DocumentMetadata document)
    {
        int Asked(QuizItemType type) => asked.Count(a => a.Type == type);
        var rotation = Rotation.Where(types.Contains)
            .Select((type, i) => (Type: type, Order: (i + asked.Count) % Rotation.Length))
            .OrderBy(t => t.Type == QuizItemType.FillBlank ? 1 : Asked(t.Type) < share ? 0 : 2)
            .ThenBy(t => Asked(t.Type)).ThenBy(t => t.Order)
            .Select(t => t.Type)
            .ToList();
        // Every type the sentence allows is made, so the question records them (what a test of the mix checks against).
        var made = rotation
            .Select(type => type switch
            {
                QuizItemType.FillBlank => FillBlank(candidate),
                QuizItemType.MultipleChoice => MultipleChoice(candidate),
                _ => TrueFalse(candidate, corpus, pool, document, asked),
            })
            .OfType<QuizItem>()
            .Where(item => !GivesAway(item))
            .ToList();
        return made.Count == 0 ? null : made[0] with { Allowed = made.Select(m => m.Type).ToHashSet() };
    }

    /// <summary>
    /// A blank whose answer the question still shows ("… Quy định 213 … ____ (Quy định 213)", a date written twice in the
    /// sentence) tests nothing. A true/false statement shows its fact by design.
    /// </summary>
    internal static bool GivesAway(QuizItem item) =>
        item.Type != QuizItemType.TrueFalse
        && $" {VietnameseText.MatchKey(item.Statement)} ".Contains($" {VietnameseText.MatchKey(item.Fact)} ", StringComparison.Ordinal);

    private static QuizItem FillBlank(Candidate c) => new(
        QuizItemType.FillBlank, $"Điền vào chỗ trống: {c.Blanked}", c.Blanked, [], c.Fact.Text, c.Fact.Text, null,
        c.Sentence.Passage.Id, c.Sentence.Passage.Label, c.Sentence.Text);

    private static QuizItem? MultipleChoice(Candidate c)
    {
        if (c.Distractors.Count < 3)
        {
            return null;
        }

        var choices = QuizRandom.Shuffle(c.Distractors.Take(3).Prepend(c.Fact.Text), c.Seed);
        return new QuizItem(
            QuizItemType.MultipleChoice, $"Theo {c.Sentence.Passage.Label}, cụm từ nào đúng ở chỗ trống? {c.Blanked}", c.Blanked, choices,
            c.Fact.Text, c.Fact.Text, null, c.Sentence.Passage.Id, c.Sentence.Passage.Label, c.Sentence.Text);
    }

    /// <summary>
    /// The sentence as written ("Đúng"), or with its one fact swapped for another of its shape from the same document ("Sai"):
    /// a figure, a date, a document number, a role or a frequency, wrong beyond doubt where it stands and stated by no
    /// passage. Asked only when such a swap exists, so that "Đúng" is never the only answer the question could have; and
    /// not about the quizzed document's own number, which its title gives away.
    /// </summary>
    private static QuizItem? TrueFalse(Candidate c, IReadOnlyList<Passage> corpus, DistractorPool pool, DocumentMetadata document, IReadOnlyList<QuizItem> asked)
    {
        if (!QuizFacts.CanMakeFalse(c.Fact.Kind) || (c.Fact.Kind == FactKind.Document && NamesItself(c.Fact, document)))
        {
            return null;
        }

        var sentence = c.Sentence.Text;
        var changed = pool.Swaps(c.Fact, sentence, c.Sentence.Passage.DocumentId, QuizRandom.Hash(c.Seed + "|swap"))
            .Select(d => (Wrong: d, Text: string.Concat(sentence.AsSpan(0, c.Fact.Start), d, sentence.AsSpan(c.Fact.End))))
            .FirstOrDefault(x => !corpus.Any(p => CitationChecker.Contains(p.Text, x.Text)));
        if (changed.Text is null)
        {
            return null;
        }

        var passage = c.Sentence.Passage;
        // As many "Sai" as "Đúng", so neither is the safe guess; the sentence's hash decides a tie.
        var falses = asked.Count(a => a.Type == QuizItemType.TrueFalse && a.Answer == QuizItem.False);
        var trues = asked.Count(a => a.Type == QuizItemType.TrueFalse && a.Answer == QuizItem.True);
        return (falses == trues ? QuizRandom.Hash(c.Seed + "|tf") % 2 == 0 : falses < trues)
            ? new QuizItem(QuizItemType.TrueFalse, $"Đúng hay sai: {changed.Text}", changed.Text, [QuizItem.True, QuizItem.False], QuizItem.False, c.Fact.Text,
                $"Sai: {passage.Label} ghi “{c.Fact.Text}”, không phải “{changed.Wrong}”.", passage.Id, passage.Label, sentence)
            : new QuizItem(QuizItemType.TrueFalse, $"Đúng hay sai: {sentence}", sentence, [QuizItem.True, QuizItem.False], QuizItem.True, c.Fact.Text,
                $"Đúng: câu này trích nguyên văn {passage.Label}.", passage.Id, passage.Label, sentence);
    }

    private static bool NamesItself(Fact number, DocumentMetadata document) =>
        DocumentReference.ParseNumber(document.Number) is { } own && DocumentReference.FindAll(number.Text).Any(own.SameAs);

    // The same check answers get: the quote must be text of the cited passage; and the tested fact must be in the quote.
    private static bool Verifies(QuizItem item, Passage passage) =>
        passage.Text.Contains(item.Quote, StringComparison.Ordinal)
        && CitationChecker.Contains(passage.Text, item.Quote)
        && item.Quote.Contains(item.Fact, StringComparison.Ordinal);

    private static List<string> Notices(DocumentEntry entry)
    {
        var notices = new List<string>();
        var metadata = entry.Document.Metadata;
        if (metadata.IsSummary)
        {
            notices.Add($"{metadata.ShortTitle}: đây là bản tóm tắt không chính thức, không phải nguyên văn; đối chiếu văn bản gốc trước khi dùng.");
        }

        if (entry.Standing == DocumentStanding.SummaryOfIngestedText)
        {
            notices.Add($"Đã có toàn văn ({entry.OfficialText!.Id}); nên ra đề theo toàn văn.");
        }
        else if (entry.Standing == DocumentStanding.Replaced)
        {
            notices.Add($"{metadata.ShortTitle} {entry.Warning}.");
        }

        return notices;
    }

    /// <summary>A sentence with the fact it will test, the sentence blanked there, and the wrong answers for it.</summary>
    private sealed record Candidate(QuizSentence Sentence, Fact Fact, string Blanked, IReadOnlyList<string> Distractors, int Score, string Seed)
    {
        public static Candidate? For(QuizSentence sentence, DistractorPool pool)
        {
            var seed = $"{sentence.Passage.Id}#{sentence.Index}";

            // A fact written twice in the sentence would leave the blank guessable from the other one.
            var testable = sentence.Facts
                .Where(f => Occurrences(sentence.Text, f.Text) == 1 && !IsShouted(f.Text) && QuizFacts.IsAskable(f, sentence.Text))
                .OrderBy(f => Array.IndexOf(Priority, f.Kind)).ThenBy(f => f.Start)
                .Select(f => (Fact: f, Distractors: pool.For(f, sentence.Text, 3, QuizRandom.Hash(seed))))
                .ToList();
            if (testable.Count == 0)
            {
                return null;
            }

            // Prefer a fact that can be asked every way; fall back to the best one that has any wrong answer, then to any.
            var (fact, distractors) = testable.FirstOrDefault(x => x.Distractors.Count >= 3) is { Fact: not null } full ? full
                : testable.FirstOrDefault(x => x.Distractors.Count > 0) is { Fact: not null } some ? some
                : testable[0];
            var blanked = string.Concat(sentence.Text.AsSpan(0, fact.Start), QuizItem.Blank, sentence.Text.AsSpan(fact.End));
            return new Candidate(sentence, fact, blanked, distractors, Array.IndexOf(Priority, fact.Kind), seed);
        }

        private static int Occurrences(string text, string part)
        {
            var key = $" {VietnameseText.MatchKey(text)} ";
            var find = $" {VietnameseText.MatchKey(part)} ";
            var count = 0;
            for (var at = key.IndexOf(find, StringComparison.Ordinal); at >= 0; at = key.IndexOf(find, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static bool IsShouted(string text) => text.Count(char.IsUpper) > text.Count(char.IsLetter) / 2;
    }
}
