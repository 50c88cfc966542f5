using PartyAssistant.Text;

namespace PartyAssistant.Tests.Text;

public sealed class ListMarkerTests
{
    [Theory]
    [InlineData("1. Các cấp uỷ thực hiện.", "Các cấp uỷ thực hiện.", true)]
    [InlineData("12) Chi bộ họp.", "Chi bộ họp.", true)]
    [InlineData("2.3. Chi bộ họp.", "Chi bộ họp.", true)]
    [InlineData("a) Chi bộ họp.", "Chi bộ họp.", true)]
    [InlineData("đ) Chi bộ họp.", "Chi bộ họp.", true)]
    [InlineData("- Chi bộ họp.", "Chi bộ họp.", false)]
    [InlineData("• Chi bộ họp.", "Chi bộ họp.", false)]
    [InlineData("+ Chi bộ họp.", "Chi bộ họp.", false)]
    [InlineData("* Chi bộ họp.", "Chi bộ họp.", false)]
    public void A_leading_marker_is_left_off(string text, string stripped, bool numbered)
    {
        Assert.Equal(stripped, ListMarker.Strip(text));
        Assert.Equal(numbered, ListMarker.IsNumbered(text));
    }

    [Theory]
    [InlineData("f) không phải điểm.")]
    [InlineData("2025 là năm sơ kết.")]
    [InlineData("Chi bộ họp - định kỳ.")]
    public void Text_without_a_marker_is_unchanged(string text)
    {
        Assert.Equal(text, ListMarker.Strip(text));
        Assert.False(ListMarker.IsNumbered(text));
    }

    [Fact]
    public void Sentences_are_exact_substrings_and_a_lead_in_keeps_what_it_introduces()
    {
        const string passage = "Còn một số hạn chế: Việc sinh hoạt còn hình thức. Hàng năm, chi bộ đạt trên 95%.";
        Assert.Equal(["Còn một số hạn chế:", "Việc sinh hoạt còn hình thức.", "Hàng năm, chi bộ đạt trên 95%."], SentenceSplitter.Split(passage));
        var joined = SentenceSplitter.Split(passage, joinLeadIns: true);
        Assert.Equal(["Còn một số hạn chế: Việc sinh hoạt còn hình thức.", "Hàng năm, chi bộ đạt trên 95%."], joined);
        Assert.All(joined, s => Assert.Contains(s, passage, StringComparison.Ordinal));
    }
}
