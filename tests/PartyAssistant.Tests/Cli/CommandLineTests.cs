using System.Text.Json;

namespace PartyAssistant.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string Data => Path.Combine(this.temp.Path, "data");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task Index_counts_documents_and_passages()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "index", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(8, json.RootElement.GetProperty("documents").GetInt32());
        Assert.True(json.RootElement.GetProperty("passages").GetInt32() > 100);
    }

    [Fact]
    public async Task Eval_gives_its_metrics_overall_and_by_kind_as_json()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "eval", TestPaths.DevQuestions, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var overall = json.RootElement.GetProperty("overall");
        Assert.True(overall.GetProperty("n").GetInt32() > 30);
        Assert.InRange(overall.GetProperty("hit@1").GetDouble(), 0.9, 1.0);
        Assert.Equal(1.0, overall.GetProperty("citation_validity").GetDouble());
        Assert.NotEmpty(json.RootElement.GetProperty("by_kind").EnumerateObject());
    }

    [Fact]
    public async Task Search_builds_the_index_on_first_use_and_prints_ranked_passages()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "search", "chi bo ap dong dang vien sinh hoat the nao", "--top", "3", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Đã dựng chỉ mục", result.Diagnostics, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Output);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        Assert.Equal(1, hits[0].GetProperty("rank").GetInt32());
        Assert.StartsWith("kl-tu-nq03/", hits[0].GetProperty("passage_id").GetString(), StringComparison.Ordinal);
        Assert.Contains(" · ", hits[0].GetProperty("label").GetString(), StringComparison.Ordinal);

        var human = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "search", "tiếp dân định kỳ");
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("Cấp uỷ phải thực hiện việc tiếp dân định kỳ", human.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã dựng chỉ mục", human.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Câu hỏi trống")]
    [InlineData("   ", "Câu hỏi trống")]
    public async Task An_empty_question_gets_a_clear_message_and_a_non_zero_exit(string question, string expected)
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "search", question);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_question_over_2000_characters_is_refused()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "search", new string('x', 2001));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("vượt giới hạn 2.000 ký tự", result.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_a_passage_with_its_context_and_refuses_an_unknown_id()
    {
        var found = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "show", "kl-tu-nq03/II.3.4", "--json");
        Assert.Equal(0, found.ExitCode);
        using var json = JsonDocument.Parse(found.Output);
        Assert.Equal("kl-tu-nq03/II.3.3", json.RootElement.GetProperty("previous").GetString());
        Assert.Contains("Mục II.3, ý 4", json.RootElement.GetProperty("label").GetString(), StringComparison.Ordinal);

        var missing = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "show", "kl-tu-nq03/IX.9");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Không có đoạn nào mang mã \"kl-tu-nq03/IX.9\"", missing.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_lists_every_document_with_its_metadata()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "docs", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var docs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(8, docs.Count);
        var qd213 = docs.Single(d => d.GetProperty("id").GetString() == "qd-213");
        Assert.Equal("213-QĐ/TW", qd213.GetProperty("number").GetString());
        Assert.Equal("summary", qd213.GetProperty("kind").GetString());
        Assert.Equal("in-force", qd213.GetProperty("status").GetProperty("state").GetString());
        Assert.All(docs, d => Assert.False(string.IsNullOrEmpty(d.GetProperty("title").GetString())));
    }

    [Fact]
    public async Task A_broken_corpus_file_is_named_with_its_line_and_the_rest_still_searchable()
    {
        var corpus = this.temp.CopyCorpus();
        await File.WriteAllTextAsync(Path.Combine(corpus, "zz-loi.md"), "---\nid: zz-loi\ntype: Quy định\ntitle: [\nkind: official-text\n---\nx\n");
        var index = await CliRunner.RunAsync(corpus, this.Data, "index");
        Assert.Equal(1, index.ExitCode);
        Assert.Contains("zz-loi.md, dòng", index.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("8", index.Console, StringComparison.Ordinal);

        var search = await CliRunner.RunAsync(corpus, this.Data, "search", "tiếp dân định kỳ", "--json");
        Assert.Equal(0, search.ExitCode);
    }

    [Fact]
    public async Task Eval_reports_the_readme_metrics_per_kind_and_overall()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "eval", TestPaths.DevQuestions, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var overall = json.RootElement.GetProperty("overall");
        Assert.True(overall.GetProperty("hit@1").GetDouble() >= 0.9);
        Assert.True(overall.GetProperty("mrr@10").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("by_kind").TryGetProperty("plain", out _));

        var missing = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "eval", Path.Combine(this.temp.Path, "none.jsonl"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Không tìm thấy tệp câu hỏi", missing.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_prints_the_answer_json_the_readme_describes()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "ask", "Khi nào sơ kết và tổng kết việc thực hiện Kết luận này?", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("abstained").GetBoolean());
        Assert.Contains("2022", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = root.GetProperty("citations").EnumerateArray().First();
        Assert.True(citation.GetProperty("n").GetInt32() >= 1);
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("quote").GetString()));
        Assert.Equal(1, root.GetProperty("passages")[0].GetProperty("rank").GetInt32());
        Assert.Equal("offline-extractive", root.GetProperty("backend").GetString());
        Assert.True(root.GetProperty("timings_ms").TryGetProperty("search", out _));
    }

    [Fact]
    public async Task Chat_keeps_the_topic_for_a_follow_up_and_starts_afresh_on_request()
    {
        var input = "Quy hoạch cán bộ cơ sở cần quan tâm những đối tượng nào?\ncòn cán bộ không chuyên trách thì sao?\n/moi\n\n/thoat\n";
        var result = await CliRunner.RunWithInputAsync(TestPaths.Corpus, this.Data, input, "chat");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cán bộ nữ, cán bộ trẻ, cán bộ có triển vọng", result.Console, StringComparison.Ordinal);
        Assert.Contains("không chuyên trách", result.Console, StringComparison.Ordinal);
        Assert.Contains("Đã bắt đầu cuộc trò chuyện mới", result.Console, StringComparison.Ordinal);
        Assert.Contains("Câu hỏi trống", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_adds_the_answer_metrics_under_their_readme_names()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "eval", TestPaths.DevQuestions, "--json");
        using var json = JsonDocument.Parse(result.Output);
        var overall = json.RootElement.GetProperty("overall");
        Assert.True(overall.GetProperty("answer_contains").GetDouble() >= 0.9);
        Assert.Equal(1.0, overall.GetProperty("citation_validity").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("by_kind").GetProperty("out").GetProperty("abstention_accuracy").GetDouble());
    }

    [Fact]
    public async Task A_misconfigured_model_is_reported_clearly()
    {
        var result = await CliRunner.RunWithSettingsAsync(TestPaths.Corpus, this.Data, new Dictionary<string, string?> { ["Model:Provider"] = "gemini" }, "ask", "tiếp dân định kỳ");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Model:Provider \"gemini\" không được hỗ trợ", result.Diagnostics, StringComparison.Ordinal);
    }
}
