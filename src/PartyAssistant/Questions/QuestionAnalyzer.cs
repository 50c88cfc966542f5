using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Questions;

/// <summary>
/// Reads a question once: document names, "kết luận này" pointers and abbreviations first, then each
/// syllable is taken as frame, document name, common word, joining word, or focus — in that order,
/// longest phrase first, from the word lists of <c>Text/Words</c>.
/// </summary>
public static class QuestionAnalyzer
{
    private enum Part
    {
        Focus,
        Kept,

        // A joining word typed without diacritics: maybe another word ("co" of "co so"), so in the focus but optional.
        Soft,
        Frame,
        Document,
        Common,
        Joining,
    }

    public static QuestionAnalysis Analyze(string question)
    {
        var normalized = VietnameseText.Normalize(question).Trim();
        var references = DocumentReference.FindAll(normalized);

        // "ĐV", "QĐ" carry a đ but say nothing about whether the writer types diacritics.
        var ownWords = string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', '?', '!', ':', ';', '"', '(', ')'))
            .Where(w => !Abbreviations.IsAbbreviation(w) && DocumentReference.ParseNumber(w) is null));
        var withMarks = TextTokens.WrittenWithMarks(TextTokens.Of(ownWords, marksKnown: false));
        var (withoutPointers, pointedType) = WithoutPointer(normalized, withMarks);
        var searchText = Abbreviations.Expand(withoutPointers);
        if (VietnameseText.MatchKey(searchText).Length == 0)
        {
            searchText = Abbreviations.Expand(normalized);
        }

        var tokens = Read(TextTokens.Of(searchText, marksKnown: withMarks));
        var parts = new Part[tokens.Count];
        foreach (var mention in DocumentReference.Find(searchText))
        {
            Mark(parts, tokens, t => t.Start < mention.End && mention.Start < t.End, Part.Document);
        }

        var frames = Frame.None;
        var frameMatches = QuestionLexicon.Frames.FindAll(tokens, i => parts[i] == Part.Focus);
        foreach (var match in frameMatches)
        {
            frames |= match.Value;
            Mark(parts, match, Part.Frame);
        }

        // A phrase the synonym list knows is one concept ("đông đảng viên", "không còn đủ tư cách"), and so is a compound
        // that only contains a common word ("chi bộ nơi cư trú", "đảng phí"): none of it is a common or joining word.
        foreach (var span in SynonymTable.In(tokens).Where(s => Enumerable.Range(s.Index, s.Count).All(i => parts[i] is Part.Focus or Part.Kept)))
        {
            for (var i = span.Index; i < span.End; i++)
            {
                parts[i] = Part.Kept;
            }
        }

        foreach (var match in QuestionLexicon.DomainCommon.FindAll(tokens, i => parts[i] is Part.Focus or Part.Kept))
        {
            if (!match.Value)
            {
                Mark(parts, match, Part.Kept);
            }
            else if (Enumerable.Range(match.Index, match.Count).All(i => parts[i] == Part.Focus))
            {
                Mark(parts, match, Part.Common);
            }
        }

        foreach (var match in QuestionLexicon.FunctionWords.FindAll(tokens, i => parts[i] == Part.Focus))
        {
            Mark(parts, match, !match.Value || tokens[match.Index].Exact ? Part.Joining : Part.Soft);
        }

        var roles = RoleLexicon.Find(searchText);
        var focus = Focus(searchText, tokens, parts, roles);

        focus = focus with { Action = Action(focus, tokens, frameMatches) };

        // Only common words beside a document's name ("Kết luận 01 ban hành ngày nào?"): the question is about that document itself.
        var named = references.Count > 0 || pointedType is not null;
        if (focus.FromCommonWords && named)
        {
            focus = QuestionFocus.None with { Display = normalized.TrimEnd('?', ' ', '.') };
        }

        // Nothing asked but a number ("1"): nothing to look for. Nothing asked but a document ("Quy định 213", "Kết luận này?"):
        // what that document is about.
        if (frames == Frame.None && !named && focus.Runs.All(r => r.Tokens.All(t => t.Text.All(char.IsDigit))))
        {
            focus = QuestionFocus.None with { Display = focus.Display };
        }
        else if (frames == Frame.None && named && focus.IsEmpty)
        {
            frames = Frame.Subject;
        }

        var term = frames.HasFlag(Frame.Definition) ? DefinedTerm(normalized, searchText, tokens, parts, frameMatches) : null;
        var expected = term is not null ? ExpectedAnswer.Definition
            : frames.HasFlag(Frame.Status) ? ExpectedAnswer.Status
            : frames.HasFlag(Frame.Time) ? ExpectedAnswer.Time
            : (frames & (Frame.Quantity | Frame.Percent | Frame.Duration)) != 0 ? ExpectedAnswer.Quantity
            : frames.HasFlag(Frame.Actor) ? ExpectedAnswer.Actor
            : ExpectedAnswer.Any;

        return new QuestionAnalysis(normalized, searchText, !VietnameseText.HasDiacritics(ownWords), references, pointedType, expected, term)
        {
            Frames = frames,
            Asks = (frames.HasFlag(Frame.Agent) ? Ask.Actor : Ask.None)
                | (frames.HasFlag(Frame.Frequency) ? Ask.Frequency : Ask.None)
                | (frames.HasFlag(Frame.Form) ? Ask.Form : Ask.None),
            Focus = focus,
            CountedNoun = CountedNoun(tokens, parts, frameMatches),
            Roles = roles.Select(r => r.Role).Distinct().ToList(),
            RoleAsked = frames.HasFlag(Frame.Duties) && roles.Count > 0 ? roles[0].Role : null,
            IsFollowUp = QuestionLexicon.FollowUpCues.AnyIn(TextTokens.Of(normalized, withMarks)) || VietnameseText.MatchKey(normalized).Split(' ').Length <= 3,
            Reports = QuestionLexicon.ReportsIn(tokens),
            Negations = QuestionLexicon.NegationCues.FindAll(tokens, i => parts[i] != Part.Frame).Where(m => m.Value)
                .Select(m => string.Join(' ', tokens.Skip(m.Index).Take(m.Count).Select(t => t.Folded))).ToList(),
        };
    }

    /// <summary>Syllables typed without marks that a known phrase settles ("ai ky" → "ai ký") take that phrase's marks.</summary>
    private static IReadOnlyList<TextToken> Read(IReadOnlyList<TextToken> tokens)
    {
        List<TextToken>? read = null;
        foreach (var match in QuestionLexicon.Readings.FindAll(tokens, i => !tokens[i].Exact))
        {
            read ??= [.. tokens];
            for (var k = 0; k < match.Count; k++)
            {
                read[match.Index + k] = read[match.Index + k] with { Accented = match.Value[k], MarksKnown = true };
            }
        }

        return read ?? tokens;
    }

    /// <summary>The question without its "kết luận này"-style pointer, and the type it points at.</summary>
    private static (string Text, string? Type) WithoutPointer(string normalized, bool withMarks)
    {
        var tokens = TextTokens.Of(normalized, withMarks);
        foreach (var match in QuestionLexicon.DocumentTypeNames.FindAll(tokens))
        {
            if (match.End < tokens.Count && tokens[match.End].Folded == "nay" && (tokens[match.End].Accented is "này" || !tokens[match.End].Exact))
            {
                var start = tokens[match.Index].Start;
                var end = tokens[match.End].End;
                var text = string.Concat(normalized.AsSpan(0, start), new string(' ', end - start), normalized.AsSpan(end));
                return (text, match.Value.Length == 0 ? null : match.Value);
            }
        }

        return (normalized, null);
    }

    /// <summary>
    /// The focus runs, and how to show it: the words from the first focus, common word or document name
    /// to the last, as the question has them ("Đảng viên có được xin ra khỏi Đảng").
    /// </summary>
    private static QuestionFocus Focus(string text, IReadOnlyList<TextToken> tokens, Part[] parts, IReadOnlyList<RoleMention> roles)
    {
        List<RoleSpan> RolesIn(List<TextToken> run) => roles
            .Select(m => (m.Role, First: run.FindIndex(t => t.Start >= m.Start), Last: run.FindLastIndex(t => t.End <= m.Start + m.Length)))
            .Where(x => x.First >= 0 && x.Last >= x.First)
            .Select(x => new RoleSpan(x.First, x.Last - x.First + 1, x.Role))
            .ToList();

        var fromCommon = !parts.Any(p => p is Part.Focus or Part.Kept);
        bool InFocus(int i) => fromCommon ? parts[i] == Part.Common : parts[i] is Part.Focus or Part.Kept or Part.Soft;
        var runs = new List<FocusRun>();
        var run = new List<TextToken>();
        var optional = new List<bool>();
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && InFocus(i) && (run.Count == 0 || !Punctuated(text, tokens[i - 1], tokens[i])))
            {
                run.Add(tokens[i]);
                optional.Add(parts[i] == Part.Soft);
                continue;
            }

            // A run of nothing but optional syllables says nothing of its own, nor does a lone letter ("“x” là gì?").
            if (run.Count > 0 && optional.Any(o => !o) && !(run.Count == 1 && run[0].Text.Length == 1 && char.IsLetter(run[0].Text[0])))
            {
                runs.Add(new FocusRun(run, SynonymTable.In(run)) { Optional = optional, Roles = RolesIn(run) });
            }

            run = [];
            optional = [];
            if (i < tokens.Count && InFocus(i))
            {
                run.Add(tokens[i]);
                optional.Add(parts[i] == Part.Soft);
            }
        }

        var shown = Enumerable.Range(0, tokens.Count).Where(i => parts[i] is Part.Focus or Part.Kept or Part.Soft or Part.Common or Part.Document).ToList();
        var display = shown.Count == 0 ? string.Empty : text[tokens[shown[0]].Start..tokens[shown[^1]].End].Trim();
        return new QuestionFocus(runs, display, fromCommon && runs.Count > 0);
    }

    /// <summary>
    /// The first focus syllable after "có được", "có phải" (a rule asked about) or after "ai", "do ai",
    /// "cơ quan nào" (who does it): the action the question is about.
    /// </summary>
    private static (FocusRun Run, int Index)? Action(QuestionFocus focus, IReadOnlyList<TextToken> tokens, IReadOnlyList<PhraseMatch<Frame>> frames)
    {
        var rule = frames.FirstOrDefault(f => (f.Value & (Frame.Permission | Frame.Obligation | Frame.Agent)) != 0);
        if (rule is null || focus.FromCommonWords)
        {
            return null;
        }

        var after = rule.End < tokens.Count ? tokens[rule.End].Start : int.MaxValue;
        foreach (var run in focus.Runs)
        {
            for (var i = 0; i < run.Tokens.Count; i++)
            {
                if (run.Tokens[i].Start >= after && !run.IsOptional(i))
                {
                    return (run, i);
                }
            }
        }

        return null;
    }

    /// <summary>For "bao nhiêu X" or "mấy X": up to two syllables of X right after the frame, folded.</summary>
    private static string? CountedNoun(IReadOnlyList<TextToken> tokens, Part[] parts, IReadOnlyList<PhraseMatch<Frame>> frames)
    {
        foreach (var frame in frames.Where(f => f.Value == Frame.Quantity))
        {
            var noun = Enumerable.Range(frame.End, Math.Max(0, Math.Min(2, tokens.Count - frame.End)))
                .TakeWhile(i => parts[i] is Part.Focus or Part.Kept or Part.Common)
                .Select(i => tokens[i].Folded)
                .ToList();
            if (noun.Count > 0)
            {
                return string.Join(' ', noun);
            }
        }

        return null;
    }

    /// <summary>
    /// The term a definition question asks about, in match form ("phong ve chinh dang"): a quoted term;
    /// the words after "khái niệm"/"định nghĩa" up to a joining word; or the words before "là gì", back to a comma.
    /// </summary>
    private static string? DefinedTerm(string normalized, string text, IReadOnlyList<TextToken> tokens, Part[] parts, IReadOnlyList<PhraseMatch<Frame>> frames)
    {
        var quoted = QuotedTerm(normalized);
        string? candidate = quoted;
        var definitions = frames.Where(f => f.Value.HasFlag(Frame.Definition)).ToList();
        if (candidate is null && definitions.Count > 0)
        {
            var first = definitions[0];
            var after = Enumerable.Range(first.End, tokens.Count - first.End)
                .SkipWhile(i => parts[i] == Part.Joining)
                .TakeWhile((i, k) => parts[i] is not (Part.Joining or Part.Frame) && (k == 0 || !Punctuated(text, tokens[i - 1], tokens[i])))
                .ToList();
            var last = definitions[^1];
            var before = Enumerable.Range(0, last.Index).Reverse()
                .TakeWhile(i => parts[i] != Part.Frame || !frames.Any(f => f.Index <= i && i < f.End && f.Value.HasFlag(Frame.Definition)))
                .TakeWhile((i, k) => i + 1 >= last.Index || !Punctuated(text, tokens[i], tokens[i + 1]))
                .Reverse()
                .ToList();
            var chosen = after.Count > 0 && first.Index < last.Index ? Enumerable.Range(first.End, last.Index - first.End).SkipWhile(i => parts[i] == Part.Joining).ToList()
                : after.Count > 0 ? after
                : before;
            candidate = chosen.Count == 0 ? null : text[tokens[chosen[0]].Start..tokens[chosen[^1]].End];
        }

        if (candidate is null)
        {
            return null;
        }

        var key = VietnameseText.MatchKey(candidate);
        return key.Length >= 2 && key.Split(' ').Length <= 12 ? key : null;
    }

    private static string? QuotedTerm(string text)
    {
        foreach (var (open, close) in new[] { ('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’') })
        {
            var start = text.IndexOf(open, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf(close, start + 1);
            if (end > start + 2 && end - start <= 81)
            {
                return text[(start + 1)..end];
            }
        }

        return null;
    }

    // A comma, full stop or question mark between two tokens ends a phrase.
    private static bool Punctuated(string text, TextToken left, TextToken right) =>
        text.AsSpan(left.End, right.Start - left.End).IndexOfAny(",.;:?!()") >= 0;

    private static void Mark(Part[] parts, IReadOnlyList<TextToken> tokens, Func<TextToken, bool> where, Part part)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (where(tokens[i]))
            {
                parts[i] = part;
            }
        }
    }

    private static void Mark<T>(Part[] parts, PhraseMatch<T> match, Part part)
    {
        for (var i = match.Index; i < match.End; i++)
        {
            parts[i] = part;
        }
    }
}
