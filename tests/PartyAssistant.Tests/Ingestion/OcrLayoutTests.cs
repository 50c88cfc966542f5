using PartyAssistant.Ingestion;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>Tesseract's TSV read into pages, tilted lines straightened, unsure lines flagged: without running Tesseract.</summary>
public sealed class OcrLayoutTests
{
    // Two lines of a page 1000 px wide, tilted 2 % (about 1.1°), and a speck between them.
    private const string Tsv = """
        level	page_num	block_num	par_num	line_num	word_num	left	top	width	height	conf	text
        1	1	0	0	0	0	0	0	1000	1400	-1	
        5	1	1	1	1	1	100	100	80	30	96	Điều
        5	1	1	1	1	2	200	102	30	30	95	2.
        5	1	1	1	1	3	250	103	100	30	94	Sinh
        5	1	1	1	1	4	370	105	100	30	93	hoạt
        5	1	1	1	1	5	490	108	100	30	92	định
        5	1	1	1	1	6	610	110	100	30	91	kỳ
        5	1	1	1	2	1	500	150	20	10	12	_
        5	1	2	1	1	1	100	160	60	30	40	1.
        5	1	2	1	1	2	180	162	100	30	35	Chỉ
        5	1	2	1	1	3	300	164	100	30	30	bộ
        5	1	2	1	1	4	420	167	100	30	45	họp
        """;

    [Fact]
    public void Tilted_lines_come_out_as_rows_and_unsure_lines_are_flagged()
    {
        var page = Assert.Single(TesseractTsv.Parse(Tsv.Replace("\n        ", "\n"), firstPage: 3));

        var rows = OcrPageLayout.Rows(page);
        var uncertain = OcrPageLayout.Uncertain(page, threshold: 70).ToList();

        Assert.Equal(3, page.Number);
        Assert.Equal(["Điều 2. Sinh hoạt định kỳ", "1. Chỉ bộ họp"], rows.Rows.Select(r => r.Text));
        Assert.Equal(595, rows.Width, 3);
        Assert.Contains(uncertain, l => l.Text == "1. Chỉ bộ họp" && l.Confidence == 38 && l.Page == 3);
        Assert.DoesNotContain(uncertain, l => l.Text.StartsWith("Điều", StringComparison.Ordinal));
    }
}
