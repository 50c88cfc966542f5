using PartyAssistant.Text;

namespace PartyAssistant.Tests.Text;

public sealed class MatchTextTests
{
    [Fact]
    public void A_phrase_typed_with_marks_matches_only_those_marks_in_order()
    {
        var text = new MatchText("Chi bộ sinh hoạt chuyên đề mỗi quý một lần.");

        Assert.True(text.HasPhrase(TextTokens.Of("chuyên đề"), ignoreMarks: false));
        Assert.False(text.HasPhrase(TextTokens.Of("chuyển đề"), ignoreMarks: false));
        Assert.False(text.HasPhrase(TextTokens.Of("đề chuyên"), ignoreMarks: false));
        Assert.True(text.HasPhrase(TextTokens.Of("chuyen de"), ignoreMarks: true));
    }

    [Fact]
    public void A_key_made_once_finds_what_the_phrase_finds_and_no_part_of_a_syllable()
    {
        var text = new MatchText("Đảng viên đang công tác giữ mối liên hệ với chi uỷ nơi cư trú.");
        foreach (var (phrase, ignoreMarks) in new[] { ("nơi cư trú", false), ("noi cu tru", true), ("nơi làm việc", false), ("ang vien", true) })
        {
            var tokens = TextTokens.Of(phrase);
            Assert.Equal(text.HasPhrase(tokens, ignoreMarks), text.HasPhrase(MatchText.PhraseKey(tokens, ignoreMarks), ignoreMarks));
        }

        // The key is bounded by spaces: "ang vien" is inside "Đảng viên" as letters, not as syllables.
        Assert.False(text.HasPhrase(MatchText.PhraseKey(TextTokens.Of("ang vien"), true), true));
        Assert.True(text.HasPhrase(MatchText.PhraseKey(TextTokens.Of("chi uỷ"), false), false));
    }
}
