using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Outlines;

/// <summary>Sentences of an assessment that name a shortcoming (shortcoming-cues.txt): every one is read out and can be discussed.</summary>
internal static class Shortcomings
{
    private static readonly Lazy<PhraseSet<bool>> Cues = new(() => new PhraseSet<bool>(WordLists.Rows(WordLists.ShortcomingCues).Select(r => (r[0], r.Length > 1 && r[1] == "finding"))));

    /// <summary>Whether the sentence names a shortcoming.</summary>
    public static bool Named(string sentence) => Cues.Value.AnyIn(TextTokens.Of(sentence));

    /// <summary>A shortcoming stated as found, not a directive to overcome one ("… khắc phục hạn chế").</summary>
    public static bool Stated(string sentence)
    {
        var cues = Cues.Value.FindAll(TextTokens.Of(sentence));
        return cues.Any(c => c.Value) || (cues.Count > 0 && !Directive.StatesDuty(VietnameseText.Normalize(sentence)));
    }
}
