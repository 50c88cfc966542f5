using System.Text;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Normalize_turns_decomposed_input_into_NFC()
    {
        var decomposed = "Đảng uỷ".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Đảng uỷ", decomposed);
        Assert.Equal("Đảng uỷ", VietnameseText.Normalize(decomposed));
    }

    [Theory]
    [InlineData("Đảng uỷ xã", "dang uy xa")]
    [InlineData("ĐẢNG VIÊN", "dang vien")]
    [InlineData("người ở nơi cư trú", "nguoi o noi cu tru")]
    public void Fold_removes_every_diacritic_and_turns_đ_into_d(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("uỷ", "ủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("hoá", "hóa")]
    public void Old_and_new_tone_placement_give_one_syllable(string oldStyle, string newStyle)
    {
        Assert.Equal(Syllable.Canonical(oldStyle), Syllable.Canonical(newStyle));
        Assert.Equal(VietnameseText.Fold(oldStyle), VietnameseText.Fold(Syllable.Canonical(oldStyle)));
    }

    [Theory]
    [InlineData("lý", "lí")]
    [InlineData("quý", "quí")]
    [InlineData("kỹ", "kĩ")]
    [InlineData("ly", "li")]
    public void I_and_y_spellings_give_one_syllable(string withY, string withI) =>
        Assert.Equal(Syllable.Canonical(withY), Syllable.Canonical(withI));

    [Theory]
    [InlineData("người")]
    [InlineData("quốc")]
    [InlineData("giữ")]
    [InlineData("nghiêm")]
    [InlineData("chuyển")]
    public void Syllables_with_one_placement_are_left_as_written(string syllable) =>
        Assert.Equal(syllable, Syllable.Canonical(syllable));

    [Fact]
    public void Different_tones_stay_different() =>
        Assert.NotEqual(Syllable.Canonical("hoà"), Syllable.Canonical("hoá"));

    [Fact]
    public void MatchKey_follows_the_eval_readme() =>
        Assert.Equal("100% chi uy chi bo ap khom", VietnameseText.MatchKey("100% chi uỷ chi bộ ấp, khóm;"));

    [Theory]
    [InlineData("dang vien", false)]
    [InlineData("đảng viên", true)]
    [InlineData("dang đoan", true)]
    [InlineData("QD 213", false)]
    public void HasDiacritics_sees_any_mark_or_đ(string text, bool expected) =>
        Assert.Equal(expected, VietnameseText.HasDiacritics(text));

    [Fact]
    public void Empty_and_huge_questions_get_a_Vietnamese_message()
    {
        Assert.Contains("Câu hỏi trống", InputValidator.Question("   ?! "));
        Assert.Contains("2.000", InputValidator.Question(new string('a', 2001)));
        Assert.Null(InputValidator.Question("đảng viên đang công tác phải làm gì ở nơi cư trú?"));
    }

    [Fact]
    public void Sentences_split_at_full_stops_followed_by_a_capital()
    {
        var sentences = SentenceSplitter.Split("Hàng năm, đảng bộ đạt trên 95%. Nâng cao sức chiến đấu; đảng uỷ xã, phường.");
        Assert.Equal(["Hàng năm, đảng bộ đạt trên 95%.", "Nâng cao sức chiến đấu; đảng uỷ xã, phường."], sentences);
    }

    /// <summary>
    /// Normalize skips ICU for text made only of the characters IsSurelyComposed accepts: each of them, and each pair of
    /// them (nothing composes with what precedes it), must be its own NFC; and text with a combining mark is not skipped.
    /// </summary>
    [Fact]
    public void Text_Normalize_does_not_hand_to_ICU_is_already_NFC()
    {
        var kept = Enumerable.Range(0, 0x10000).Select(i => (char)i)
            .Where(c => !char.IsSurrogate(c) && VietnameseText.IsSurelyComposed([c])).ToArray();
        Assert.Contains('ệ', kept);
        Assert.Contains('–', kept);
        Assert.DoesNotContain('\u0301', kept);
        Assert.DoesNotContain('\u2001', kept);
        foreach (var first in kept)
        {
            Assert.True(first.ToString().IsNormalized(System.Text.NormalizationForm.FormC), $"U+{(int)first:X4}");
        }

        // Pairs: a character that composes with the one before it would have to be among those kept.
        var pair = new char[2];
        foreach (var first in kept)
        {
            pair[0] = first;
            foreach (var second in kept)
            {
                pair[1] = second;
                if (!new string(pair).IsNormalized(System.Text.NormalizationForm.FormC))
                {
                    Assert.Fail($"U+{(int)first:X4} U+{(int)second:X4} is not NFC");
                }
            }
        }

        Assert.False(VietnameseText.IsSurelyComposed("Đảng vie\u0302n"));
        Assert.Equal("Đảng viên", VietnameseText.Normalize("Đảng viên".Normalize(System.Text.NormalizationForm.FormD)));
    }
}
