using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Quizzes;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Quizzes;

/// <summary>The trainer's rules, over every document of the shipped corpus: one question a fact, and a mix of types.</summary>
public sealed class QuizRuleTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>
{
    private readonly QuizGenerator generator = new();

    public static TheoryData<int> Sizes => new(5, 10, QuizRequest.MaxCount);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_date_document_or_figure_is_asked_twice(int count)
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            var facts = quiz.Items
                .Where(i => FactExtractor.Extract(i.Quote).Any(f => f.Text == i.Fact && f.Kind is FactKind.Time or FactKind.Document or FactKind.Percent or FactKind.Quantity))
                .Select(i => VietnameseText.MatchKey(i.Fact))
                .ToList();
            var repeated = facts.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"{document.Id} ({count}): {string.Join(", ", repeated)}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_question_type_takes_over_40_percent_when_the_sentences_allow(int count)
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            var n = quiz.Items.Count;
            Assert.All(quiz.Items, i => Assert.Contains(i.Type, i.Allowed));

            // With three types, n questions cannot keep every type under ⌈n/3⌉ (4 questions: one type has 2); and where
            // the sentences allow fewer types (few figures to make a choice or a false statement of), the best mix they allow.
            var allowed = Math.Max(QuizGenerator.MaxOfOneType(n), FewestOfTheMostCommonType(quiz.Items.Select(i => i.Allowed).ToList()));
            var most = quiz.Items.GroupBy(i => i.Type).Max(g => g.Count());
            Assert.True(most <= allowed, $"{document.Id} ({count}): {string.Join(", ", quiz.Items.GroupBy(i => i.Type).Select(g => $"{g.Key} {g.Count()}"))} of {n}, best {allowed}");
        }
    }

    [Fact]
    public void The_shipped_corpus_gets_a_mix_within_40_percent_where_it_has_the_figures()
    {
        var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest("kl-tu-nq03", Count: 10));
        Assert.Equal(10, quiz.Items.Count);
        Assert.All(quiz.Items.GroupBy(i => i.Type), g => Assert.True(g.Count() <= 4, $"{g.Key} {g.Count()}"));
        Assert.Equal(3, quiz.Items.Select(i => i.Type).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_false_statement_changes_exactly_one_fact_for_another_of_its_kind_and_shape_from_the_same_document(int count)
    {
        var falses = 0;
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            var ownFacts = QuizSentences.Of(document).SelectMany(s => s.Facts).Select(f => (f.Kind, Key: VietnameseText.MatchKey(f.Text))).ToHashSet();
            foreach (var item in quiz.Items.Where(i => i.Type == QuizItemType.TrueFalse && i.Answer == QuizItem.False))
            {
                falses++;
                var at = item.Quote.IndexOf(item.Fact, StringComparison.Ordinal);
                var before = item.Quote[..at];
                var after = item.Quote[(at + item.Fact.Length)..];
                Assert.StartsWith(before, item.Statement, StringComparison.Ordinal);
                Assert.EndsWith(after, item.Statement, StringComparison.Ordinal);
                var wrong = item.Statement[before.Length..^after.Length];

                var right = FactExtractor.Extract(item.Quote).Single(f => f.Start == at && f.Text == item.Fact);
                var swapped = FactExtractor.Extract(item.Statement).SingleOrDefault(f => f.Start == before.Length && f.Text == wrong);
                Assert.True(swapped is not null, $"{document.Id}: “{wrong}” is not read as one fact in “{item.Statement}”");
                Assert.Equal(right.Kind, swapped.Kind);
                Assert.Equal(ChoiceShape.Of(right), ChoiceShape.Of(swapped));
                Assert.Contains((swapped.Kind, VietnameseText.MatchKey(wrong)), ownFacts);
                Assert.True(QuizFacts.ClearlyWrong(right, item.Quote, swapped), $"{document.Id}: “{wrong}” may also be right in “{item.Quote}”");
            }
        }

        Assert.True(falses > 0);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_true_statement_is_never_trivially_true(int count)
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            var own = DocumentReference.ParseNumber(document.Metadata.Number);
            foreach (var item in quiz.Items.Where(i => i.Type == QuizItemType.TrueFalse))
            {
                // Asked only where one changed fact would make it false: a figure, date or number, not the document's own number.
                var fact = FactExtractor.Extract(item.Quote).First(f => f.Text == item.Fact);
                Assert.True(QuizFacts.CanMakeFalse(fact.Kind), $"{document.Id}: {fact.Kind} in “{item.Statement}”");
                Assert.False(own is not null && DocumentReference.FindAll(item.Fact).Any(own.SameAs), $"{document.Id}: asks its own number: {item.Statement}");
                var pool = DistractorPool.Build(fixture.Corpus.Documents.SelectMany(QuizSentences.Of));
                Assert.NotEmpty(pool.Swaps(fact, item.Quote, document.Id, 1));
            }

            // "Đúng" and "Sai" as even as the number of statements allows: neither is the safe guess.
            var answers = quiz.Items.Where(i => i.Type == QuizItemType.TrueFalse).GroupBy(i => i.Answer).Select(g => g.Count()).ToList();
            Assert.True(answers.Count == 0 || answers.Max() - (answers.Count == 2 ? answers.Min() : 0) <= 1, $"{document.Id}: {string.Join("/", answers)}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Multiple_choice_options_share_the_answers_shape_and_length_class(int count)
    {
        var asked = 0;
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            foreach (var item in quiz.Items.Where(i => i.Type == QuizItemType.MultipleChoice))
            {
                asked++;
                var right = FactExtractor.Extract(item.Quote).First(f => f.Text == item.Fact);
                var at = item.Quote.IndexOf(item.Fact, StringComparison.Ordinal);
                foreach (var choice in item.Choices)
                {
                    // Each choice put in the blank is read as one fact of the answer's kind and shape: all numbers with one unit, all dates alike, all roles.
                    var filled = item.Quote[..at] + choice + item.Quote[(at + item.Fact.Length)..];
                    var read = FactExtractor.Extract(filled).SingleOrDefault(f => f.Start == at && f.Text == choice);
                    Assert.True(read is not null, $"{document.Id}: “{choice}” is not one fact where “{item.Fact}” stands");
                    Assert.Equal(ChoiceShape.Of(right), ChoiceShape.Of(read));
                }

                Assert.True(ChoiceShape.OneLengthClass(item.Choices), $"{document.Id}: {string.Join(" | ", item.Choices)}");
            }
        }

        Assert.True(asked > 0);
    }

    [Theory]
    [InlineData("40 tuổi", "35 tuổi", true)]
    [InlineData("40 tuổi", "05 năm", false)]
    [InlineData("ngày 18/5/2021", "ngày 02/01/2020", true)]
    [InlineData("ngày 18/5/2021", "năm 2020", false)]
    [InlineData("trên 95%", "50%", false)]
    public void Figures_and_dates_have_one_shape_only_with_their_own_unit_and_form(string a, string b, bool same) =>
        Assert.Equal(same, ChoiceShape.Of(FactExtractor.Extract(a).Single()) == ChoiceShape.Of(FactExtractor.Extract(b).Single()));

    [Theory]
    [InlineData(new[] { "Chi uỷ", "Chi bộ", "Tỉnh uỷ", "Đảng viên" }, true)]
    [InlineData(new[] { "Cấp uỷ", "Ban Tổ chức Tỉnh uỷ", "Chi bộ", "Đảng viên" }, false)]
    public void Choices_of_one_length_class_are_within_half_again_of_each_other(string[] choices, bool oneClass) =>
        Assert.Equal(oneClass, ChoiceShape.OneLengthClass(choices));

    /// <summary>The smallest count the most common type can have when each question takes one of the types its sentence allows.</summary>
    private static int FewestOfTheMostCommonType(IReadOnlyList<IReadOnlySet<QuizItemType>> allowed)
    {
        for (var most = 1; ; most++)
        {
            // Each type gets `most` places; a question is placed by augmenting paths (Kuhn's matching).
            var slots = allowed.SelectMany(a => a).Distinct().SelectMany(t => Enumerable.Repeat(t, most)).ToList();
            var holder = new int[slots.Count];
            Array.Fill(holder, -1);
            bool Place(int question, bool[] seen)
            {
                for (var s = 0; s < slots.Count; s++)
                {
                    if (!seen[s] && allowed[question].Contains(slots[s]))
                    {
                        seen[s] = true;
                        if (holder[s] < 0 || Place(holder[s], seen))
                        {
                            holder[s] = question;
                            return true;
                        }
                    }
                }

                return false;
            }

            if (Enumerable.Range(0, allowed.Count).All(q => Place(q, new bool[slots.Count])))
            {
                return most;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_blank_is_answered_by_the_question_itself(int count)
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            foreach (var item in quiz.Items.Where(i => i.Type != QuizItemType.TrueFalse))
            {
                var shown = $" {VietnameseText.MatchKey(item.Question)} ";
                Assert.False(shown.Contains($" {VietnameseText.MatchKey(item.Fact)} ", StringComparison.Ordinal), $"{document.Id}: “{item.Question}” shows its answer “{item.Fact}”");
            }
        }
    }

    [Theory]
    [InlineData(QuizItemType.FillBlank, "Chi bộ họp ____; từ ngày 15/3/2026 áp dụng.", "15/3/2026", true)]
    [InlineData(QuizItemType.MultipleChoice, "Quy định 213 nêu: đảng viên ____ giữ mối liên hệ (Quy định 213).", "Quy định 213", true)]
    [InlineData(QuizItemType.FillBlank, "Chi bộ họp ____ một lần.", "mỗi tháng", false)]
    [InlineData(QuizItemType.FillBlank, "Chi bộ họp vào ngày 20/3/2026, lúc ____ giờ.", "15", false)]
    [InlineData(QuizItemType.TrueFalse, "Chi bộ họp mỗi tháng một lần.", "mỗi tháng", false)]
    public void A_question_that_still_shows_its_answer_is_not_asked(QuizItemType type, string statement, string fact, bool givesAway)
    {
        var item = new QuizItem(type, statement, statement, [], fact, fact, null, "qd-1/dieu-1", "Quy định 1 · Điều 1", statement);

        Assert.Equal(givesAway, QuizGenerator.GivesAway(item));
    }
}
