using System.Text.Json;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;
using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>`ingest` end to end: real files built in code, the real command line, a copy of the shipped corpus.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string corpus;

    public IngestCommandTests() => this.corpus = this.temp.CopyCorpus();

    private string Data => Path.Combine(this.temp.Path, "data");

    public void Dispose() => this.temp.Dispose();

    private string File(string name) => Path.Combine(this.temp.Path, name);

    // Every file but the lock, which stays once an ingest has run (see IngestLock): leftovers count.
    private Dictionary<string, string> CorpusState() => Directory.EnumerateFiles(this.corpus)
        .Where(f => Path.GetFileName(f) != IngestLock.FileName)
        .ToDictionary(f => Path.GetFileName(f), f => System.IO.File.ReadAllText(f));

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(this.corpus, this.Data, args);

    [Fact]
    public async Task A_docx_with_a_header_block_becomes_a_cited_document()
    {
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());

        var result = await this.Run("ingest", this.File("quy-dinh.docx"), "--yes", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entry = json.RootElement[0];
        Assert.Equal("qd-99", entry.GetProperty("id").GetString());
        Assert.Equal("99-QĐ/TW", entry.GetProperty("number").GetString());
        Assert.Equal("2020-01-02", entry.GetProperty("date").GetString());
        Assert.Equal("Quy định", entry.GetProperty("type").GetString());
        Assert.Equal("Nguyễn Văn Mẫu", entry.GetProperty("signer").GetString());
        Assert.StartsWith("Quy định về công tác kiểm tra, giám sát", entry.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Path.Combine(this.corpus, "qd-99.md")));

        var shown = await this.Run("show", "qd-99/dieu-2.2.a", "--json");
        Assert.Equal(0, shown.ExitCode);
        using var passage = JsonDocument.Parse(shown.Output);
        Assert.Equal("Quy định 99-QĐ/TW · Điều 2, khoản 2, điểm a", passage.RootElement.GetProperty("label").GetString());

        // The header block is metadata, not passages.
        var markdown = System.IO.File.ReadAllText(Path.Combine(this.corpus, "qd-99.md"));
        var body = markdown[(markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        Assert.DoesNotContain("ĐẢNG CỘNG SẢN VIỆT NAM", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Số 99-QĐ/TW", body, StringComparison.Ordinal);

        var ask = await this.Run("ask", "dang uy co so co trach nhiem gi theo quy dinh 99", "--json");
        using var answer = JsonDocument.Parse(ask.Output);
        Assert.False(answer.RootElement.GetProperty("abstained").GetBoolean());
        Assert.Contains(answer.RootElement.GetProperty("citations").EnumerateArray(),
            c => c.GetProperty("label").GetString()!.StartsWith("Quy định 99-QĐ/TW · Điều ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pdf_leaves_its_page_furniture_behind_and_keeps_split_sentences_whole()
    {
        var layout = SamplePdf.Write(this.File("quy-dinh.pdf"), SampleDocuments.Regulation(30));
        Assert.NotEmpty(layout.SplitParagraphs);

        var result = await this.Run("ingest", this.File("quy-dinh.pdf"), "--yes");

        Assert.Equal(0, result.ExitCode);
        var markdown = System.IO.File.ReadAllText(Path.Combine(this.corpus, "qd-99.md"));
        Assert.DoesNotContain("Trang ", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Quy định số 99-QĐ/TW", markdown, StringComparison.Ordinal);
        foreach (var split in layout.SplitParagraphs)
        {
            // "2. Chi bộ có trách nhiệm …" is written as a khoản line: look for the text after the marker.
            var text = split[(split.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            Assert.Contains(text, markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_html_page_is_ingested_without_its_navigation()
    {
        SampleHtml.Write(this.File("quy-dinh.html"), SampleDocuments.Regulation());

        var result = await this.Run("ingest", this.File("quy-dinh.html"), "--yes", "--id", "qd-99-web", "--title", "Quy định mẫu đăng trên trang web");

        Assert.Equal(0, result.ExitCode);
        var markdown = System.IO.File.ReadAllText(Path.Combine(this.corpus, "qd-99-web.md"));
        Assert.Contains("title: Quy định mẫu đăng trên trang web", markdown, StringComparison.Ordinal);
        Assert.All(SampleHtml.NoiseMarkers, noise => Assert.DoesNotContain(noise, markdown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_paragraph_in_a_normal_document_becomes_several_passages_under_the_cap()
    {
        var sample = SampleDocuments.Regulation();
        var longParagraph = string.Join(' ', Enumerable.Range(1, 160).Select(i => $"Chi bộ thực hiện việc thứ {i} theo đúng quy định của Đảng uỷ cơ sở."));
        var body = sample.Body.ToList();
        body.Insert(body.FindIndex(p => p.StartsWith("Điều 2.", StringComparison.Ordinal)), longParagraph);
        SampleDocx.Write(this.File("dai.docx"), sample with { Body = body });

        var result = await this.Run("ingest", this.File("dai.docx"), "--yes");

        Assert.Equal(0, result.ExitCode);
        var document = PartyAssistant.Corpus.CorpusFileParser.Parse(Path.Combine(this.corpus, "qd-99.md"), System.IO.File.ReadAllText(Path.Combine(this.corpus, "qd-99.md")));
        var pieces = document.Passages.Where(p => longParagraph.Contains(p.Text, StringComparison.Ordinal)).ToList();
        Assert.InRange(pieces.Count, 3, 4);
        Assert.All(pieces, p => Assert.InRange(p.Text.Length, 1, PartyAssistant.Corpus.PassageSplitter.MaxChars));
        Assert.Equal(longParagraph, string.Join(' ', pieces.Select(p => p.Text)));
        Assert.DoesNotContain(".tiep-", pieces[0].Id, StringComparison.Ordinal);
        Assert.All(pieces.Skip(1), p => Assert.StartsWith(pieces[0].Id + ".tiep-", p.Id, StringComparison.Ordinal));

        var shown = await this.Run("show", pieces[1].Id, "--json");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("(tiếp, 2/", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_paragraph_in_a_text_file_is_split_and_answers_from_it_stay_short()
    {
        // Text files have no paragraph limit: the passage cap alone keeps search and answers bounded
        // (a 50 MB paragraph once gave a 77-million-character answer after 177 s).
        var sentence = "Chi bộ phải tổ chức sinh hoạt chuyên đề về công tác kiểm tra ít nhất mỗi quý một lần. ";
        System.IO.File.WriteAllText(this.File("qd-777.txt"), $"""
            TỈNH ỦY CÀ MAU
            Số 777-QĐ/TU

            QUY ĐỊNH
            về sinh hoạt chuyên đề

            {string.Concat(Enumerable.Repeat(sentence, 3_000)).Trim()}
            """);

        var result = await this.Run("ingest", this.File("qd-777.txt"), "--yes");

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(this.corpus, "qd-777.md");
        var document = PartyAssistant.Corpus.CorpusFileParser.Parse(path, System.IO.File.ReadAllText(path));
        Assert.True(document.Passages.Count > 60, $"{document.Passages.Count} passages");
        Assert.All(document.Passages, p => Assert.InRange(p.Text.Length, 1, PartyAssistant.Corpus.PassageSplitter.MaxChars));

        var ask = await this.Run("ask", "chi bộ tổ chức sinh hoạt chuyên đề về công tác kiểm tra bao lâu một lần", "--json");
        Assert.Equal(0, ask.ExitCode);
        using var answer = JsonDocument.Parse(ask.Output);
        Assert.InRange(answer.RootElement.GetProperty("answer").GetString()!.Length, 1, 4 * PartyAssistant.Corpus.PassageSplitter.MaxChars);
    }

    [Fact]
    public async Task Nothing_is_written_until_the_user_confirms()
    {
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());
        var before = this.CorpusState();

        var declined = await CliRunner.RunWithInputAsync(this.corpus, this.Data, "k\n", "ingest", this.File("quy-dinh.docx"));
        Assert.Equal(0, declined.ExitCode);

        // Not at a terminal, the detected values come as tab-separated lines.
        Assert.Contains("Số hiệu\t99-QĐ/TW\ttự nhận ra", declined.Output, StringComparison.Ordinal);
        Assert.Contains("Không ghi gì.", declined.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(before, this.CorpusState());

        var noInput = await this.Run("ingest", this.File("quy-dinh.docx"));
        Assert.Equal(2, noInput.ExitCode);
        Assert.Contains("Không ghi gì: không có ai trả lời", noInput.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("--yes", noInput.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(before, this.CorpusState());

        var accepted = await CliRunner.RunWithInputAsync(this.corpus, this.Data, "c\n", "ingest", this.File("quy-dinh.docx"));
        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("qd-99.md", this.CorpusState().Keys);
    }

    [Theory]
    [InlineData("scan.pdf", "lớp văn bản")]
    [InlineData("locked.pdf", "mã hoá")]
    [InlineData("broken.pdf", "hỏng")]
    [InlineData("broken.docx", "hỏng")]
    [InlineData("table.xlsx", "chưa được hỗ trợ")]
    [InlineData("missing.docx", "Không tìm thấy")]
    public async Task A_file_that_cannot_be_read_gets_a_clear_message_and_changes_nothing(string name, string expected)
    {
        var path = this.File(name);
        switch (name)
        {
            case "scan.pdf": SamplePdf.WriteWithoutTextLayer(path); break;
            case "locked.pdf": SamplePdf.WriteEncrypted(path); break;
            case "broken.pdf": SamplePdf.WriteTruncated(path, SampleDocuments.Regulation()); break;
            case "broken.docx": System.IO.File.WriteAllText(path, "không phải tệp Word"); break;
            case "table.xlsx": System.IO.File.WriteAllBytes(path, [1, 2, 3]); break;
        }

        await this.Run("index");
        var before = this.CorpusState();
        var current = System.IO.File.ReadAllText(Path.Combine(this.Data, "index", "CURRENT"));

        var result = await this.Run("ingest", path, "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, this.CorpusState());
        Assert.Equal(current, System.IO.File.ReadAllText(Path.Combine(this.Data, "index", "CURRENT")));
    }

    [Fact]
    public async Task One_bad_file_does_not_stop_the_good_ones()
    {
        SampleDocx.Write(this.File("good.docx"), SampleDocuments.Regulation());
        SamplePdf.WriteWithoutTextLayer(this.File("scan.pdf"));

        var result = await this.Run("ingest", this.File("scan.pdf"), this.File("good.docx"), "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("scan.pdf", result.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("qd-99.md", this.CorpusState().Keys);
    }

    [Fact]
    public async Task When_the_index_cannot_be_built_the_corpus_file_is_taken_back_out()
    {
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());
        var before = this.CorpusState();

        // A file where the index folder should be: building fails after the corpus file is written.
        var data = Path.Combine(this.temp.Path, "blocked");
        Directory.CreateDirectory(data);
        System.IO.File.WriteAllText(Path.Combine(data, "index"), "not a folder");

        var result = await CliRunner.RunAsync(this.corpus, data, "ingest", this.File("quy-dinh.docx"), "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("chưa thêm gì vào corpus", result.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(before, this.CorpusState());
    }

    [Fact]
    public async Task The_official_text_takes_the_place_of_its_summary_and_replaces_the_old_rule()
    {
        SampleDocx.Write(this.File("qd213.docx"), SampleDocuments.Regulation());
        var check = await this.Run("docs", "--check", "--json");
        using (var before = JsonDocument.Parse(check.Output))
        {
            Assert.Contains(before.RootElement.EnumerateArray(), m => m.GetProperty("reference").GetString() == "213-QĐ/TW" && m.GetProperty("only_summary").GetBoolean());
            Assert.Contains(before.RootElement.EnumerateArray(), m => m.GetProperty("reference").GetString() == "03-NQ/TU" && !m.GetProperty("only_summary").GetBoolean());
        }

        // The sample's own number is overridden, as a user would for a file that states it wrongly.
        var result = await this.Run("ingest", this.File("qd213.docx"), "--number", "213-QĐ/TW", "--date", "02/01/2020", "--replaces", "kl-38", "--yes");
        Assert.Equal(0, result.ExitCode);

        var docs = await this.Run("docs", "--json");
        using var listed = JsonDocument.Parse(docs.Output);
        var byId = listed.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        Assert.Equal("qd-213-toan-van", byId["qd-213"].GetProperty("official_text").GetString());
        Assert.Equal("summary-of-ingested-text", byId["qd-213"].GetProperty("standing").GetString());
        Assert.Equal("replaced", byId["kl-38"].GetProperty("standing").GetString());
        Assert.Equal("đã được thay thế bởi Quy định 213-QĐ/TW (ngày 02/01/2020)", byId["kl-38"].GetProperty("standing_text").GetString());

        check = await this.Run("docs", "--check", "--json");
        using var after = JsonDocument.Parse(check.Output);
        Assert.DoesNotContain(after.RootElement.EnumerateArray(), m => m.GetProperty("reference").GetString() == "213-QĐ/TW");

        var human = await this.Run("docs", "--check");
        Assert.Equal(1, human.ExitCode);
        Assert.Contains("03-NQ/TU — dẫn bởi: ", human.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingesting_the_seed_text_gives_the_same_passages_as_the_hand_made_entry()
    {
        var result = await this.Run("ingest", TestPaths.Seed, "--id", "kl-seed", "--yes");
        Assert.Equal(0, result.ExitCode);

        var parsed = (await new PartyAssistant.Corpus.CorpusLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger<PartyAssistant.Corpus.CorpusLoader>.Instance)
            .LoadAsync(this.corpus, CancellationToken.None)).Documents;
        var ingested = parsed.Single(d => d.Id == "kl-seed");
        var handMade = parsed.Single(d => d.Id == "kl-tu-nq03");
        Assert.Equal("Kết luận", ingested.Metadata.Type);
        Assert.Equal("Lê Quốc Phong", ingested.Metadata.Signer);
        var handMadeBody = handMade.Passages.Where(p => !p.SectionPath.StartsWith("mo-dau", StringComparison.Ordinal)).Select(p => p.Text).ToList();
        var ingestedBody = ingested.Passages.Where(p => !p.SectionPath.StartsWith("mo-dau", StringComparison.Ordinal)).Select(p => p.Text).ToList();
        Assert.Equal(handMadeBody, ingestedBody);
    }

    private const string ShortDecision = """
        TỈNH ỦY CÀ MAU
        *
        Số 120-QĐ/TU

        ĐẢNG CỘNG SẢN VIỆT NAM
        Cà Mau, ngày 05 tháng 3 năm 2024

        QUYẾT ĐỊNH
        về việc thành lập đoàn kiểm tra

        Điều 1. Thành lập Đoàn kiểm tra gồm các đồng chí có tên sau:
        - Đồng chí Nguyễn Văn A, Trưởng đoàn.
        - Đồng chí Trần Thị B, thành viên.

        Điều 2. Đoàn kiểm tra làm việc trong 30 ngày kể từ ngày ký.
        Điều 3. Quyết định có hiệu lực từ ngày ký.

        T/M BAN THƯỜNG VỤ
        BÍ THƯ
        Phạm Văn C
        """;

    [Fact]
    public async Task Short_articles_grouped_by_blank_lines_keep_their_text()
    {
        System.IO.File.WriteAllText(this.File("qd-120.txt"), ShortDecision.Replace('Đ', '\u00D0'));

        var result = await this.Run("ingest", this.File("qd-120.txt"), "--yes", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("Quyết định", json.RootElement[0].GetProperty("type").GetString());
        Assert.Equal("120-QĐ/TU", json.RootElement[0].GetProperty("number").GetString());
        var search = await this.Run("search", "quyet dinh co hieu luc tu khi nao", "--json");
        using var hits = JsonDocument.Parse(search.Output);
        Assert.Contains(hits.RootElement.GetProperty("hits").EnumerateArray(), h =>
            h.GetProperty("passage_id").GetString() == "qd-120/dieu-3.1" && h.GetProperty("text").GetString()!.Contains("có hiệu lực từ ngày ký", StringComparison.Ordinal));
        var shown = await this.Run("show", "qd-120/dieu-1.1", "--json");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("gồm các đồng chí có tên sau:", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingesting_again_with_overwrite_keeps_what_it_replaces()
    {
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());
        Assert.Equal(0, (await this.Run("ingest", this.File("quy-dinh.docx"), "--replaces", "kl-38", "--yes")).ExitCode);

        var again = await this.Run("ingest", this.File("quy-dinh.docx"), "--overwrite", "--yes");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("replaces:\n  - kl-38", System.IO.File.ReadAllText(Path.Combine(this.corpus, "qd-99.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_number_in_another_year_is_not_taken_for_the_summary()
    {
        SampleDocx.Write(this.File("kl.docx"), SampleDocuments.Regulation());

        var result = await this.Run("ingest", this.File("kl.docx"), "--type", "Kết luận", "--number", "01-KL/TW", "--date", "2016-04-04", "--yes", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement[0].GetProperty("summary_of").ValueKind);
        Assert.Equal("kl-01-toan-van", json.RootElement[0].GetProperty("id").GetString());
        Assert.Contains(json.RootElement[0].GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("--summary-of kl-01", StringComparison.Ordinal));
    }
}
