using PartyAssistant.Answering;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Answering;

public sealed class CitationCheckerTests
{
    private static readonly SuppliedPassages Passages = new(
    [
        new SearchHit(1, "d/1", "d", "Văn bản · Mục I, đoạn 1", 3, "Hàng năm, đảng bộ xã được xếp loại Hoàn thành tốt nhiệm vụ trở lên đạt trên 95%.", false),
        new SearchHit(2, "d/2", "d", "Văn bản · Mục I, đoạn 2", 2, "Cấp uỷ phải thực hiện việc tiếp dân định kỳ theo quy định.", false),
    ]);

    [Fact]
    public void A_cited_answer_with_true_quotes_passes()
    {
        var check = CitationChecker.Check("Tỷ lệ phải \"đạt trên 95%\" [1]. Cấp uỷ tiếp dân định kỳ [2].", Passages);
        Assert.True(check.Passed, check.Problem);
        Assert.Equal([1, 2], check.Citations.Select(c => c.N));
        Assert.Equal("đạt trên 95%", check.Citations[0].Quote);
        Assert.Contains("tiếp dân định kỳ", check.Citations[1].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tỷ lệ đạt trên 95% [7].", "[7]")]
    [InlineData("Tỷ lệ phải \"đạt trên 99% mỗi năm\" [1].", "không có nguyên văn")]
    [InlineData("Tỷ lệ đạt trên 95%.", "không có trích dẫn")]
    [InlineData("", "trống")]
    [InlineData("Tỷ lệ đạt trên 95% [1] và [4-5].", "[4-5]")]
    [InlineData("Tỷ lệ đạt trên 95% [1] và [ 7 ].", "[ 7 ]")]
    [InlineData("Tỷ lệ đạt trên 95% [1] và [٧].", "[٧]")]
    [InlineData("Cấp uỷ phải “tiếp dân định kỳ theo quy định. Đảng viên được miễn họp” [2].", "không có nguyên văn")]
    [InlineData("Cấp uỷ phải «tiếp dân định kỳ mới quy định» [2].", "không có nguyên văn")]
    [InlineData("Cấp uỷ phải \"tiếp dân định kì theo quy đinh\" [2].", "không có nguyên văn")]
    public void A_broken_citation_fails_with_a_reason(string answer, string reason)
    {
        var check = CitationChecker.Check(answer, Passages);
        Assert.False(check.Passed);
        Assert.Contains(reason, check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_after_a_colon_belongs_to_the_citation_on_its_line()
    {
        var check = CitationChecker.Check("Theo [2]: “Cấp uỷ phải thực hiện việc tiếp dân định kỳ”.", Passages);
        Assert.True(check.Passed, check.Problem);
        Assert.Equal("Cấp uỷ phải thực hiện việc tiếp dân định kỳ", Assert.Single(check.Citations).Quote);
    }

    [Fact]
    public void Quotes_match_across_tone_placement_and_punctuation() =>
        Assert.True(CitationChecker.Contains(Passages[2]!.Text, "cấp ủy phải thực hiện việc tiếp dân"));
}

public sealed class SourceListTests
{
    [Fact]
    public void Sources_mark_summaries_and_replaced_documents()
    {
        var summary = new SearchHit(1, "s/1", "s", "Quy định X (tóm tắt) · Điều 1, ý 1", 1, "Nội dung tóm tắt.", true);
        var replaced = new SearchHit(2, "r/1", "r", "Quy định Y · Điều 2, ý 1", 1, "Nội dung cũ.", false, "đã được thay thế bởi Quy định Z (tính đến 2026-01)");
        var text = SourceList.Format([(2, replaced, "Nội dung cũ."), (1, summary, "Nội dung tóm tắt.")]);

        Assert.StartsWith("Nguồn:\n[1] Quy định X (tóm tắt) · Điều 1, ý 1 (theo bản tóm tắt, không phải nguyên văn) — “Nội dung tóm tắt.”", text, StringComparison.Ordinal);
        Assert.Contains("[2] Quy định Y · Điều 2, ý 1 ⚠ Văn bản đã được thay thế bởi Quy định Z (tính đến 2026-01). — “Nội dung cũ.”", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_and_the_prompt_mark_passages_of_a_document_read_from_a_scan()
    {
        var scanned = new SearchHit(1, "q/dieu-2.2", "q", "Quy định 27-QĐ/ĐU · Điều 2, khoản 2", 1, "2. Gửi trước 03 ngày.", false) { FromScan = true };
        var typed = new SearchHit(2, "k/dieu-1", "k", "Kết luận 1 · Điều 1", 1, "Nội dung.", false);

        var text = SourceList.Format([(1, scanned, "2. Gửi trước 03 ngày."), (2, typed, "Nội dung.")]);
        var prompt = new SuppliedPassages([scanned, typed]).ToPrompt();

        Assert.Contains("[1] Quy định 27-QĐ/ĐU · Điều 2, khoản 2 (văn bản nhận dạng từ bản quét) — “2. Gửi trước 03 ngày.”", text, StringComparison.Ordinal);
        Assert.Contains("[2] Kết luận 1 · Điều 1 — “Nội dung.”", text, StringComparison.Ordinal);
        Assert.Contains("[1] Quy định 27-QĐ/ĐU · Điều 2, khoản 2 (văn bản nhận dạng từ bản quét)\n", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("(văn bản nhận dạng từ bản quét)", SourceList.Format([(1, scanned with { FromScan = false }, "2. Gửi trước 03 ngày.")]), StringComparison.Ordinal);
    }
}
