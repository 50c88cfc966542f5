using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using PartyAssistant.Office;
using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Web;

/// <summary>Every /api endpoint on the real `serve` host: good input, bad input (400 ProblemDetails in Vietnamese), limits.</summary>
public sealed class ApiTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private const string Question = "Den nam 2025 ty le bi thu chi bo dong thoi la truong ap, khom khong qua 40 tuoi phai dat bao nhieu?";

    private WebTestHost Host => fixture.Host;

    private HttpClient Http => fixture.Host.Http;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private static HttpContent Json(string raw) => new StringContent(raw, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Ask_without_diacritics_gives_the_ask_json_shape_with_a_conversation_and_an_answer_id()
    {
        var answer = await this.Host.AskAsync(Question);

        Assert.Equal("answer", answer.GetProperty("outcome").GetString());
        Assert.Contains("50%", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.StartsWith("kl-tu-nq03/", citation.GetProperty("passage_id").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", answer.GetProperty("conversation_id").GetString());
        Assert.True(answer.GetProperty("answer_id").GetInt64() > 0);

        // The same fields, in the same order, as `ask --json` on the command line, plus the two the web needs.
        using var data = new TempDirectory();
        var cli = await CliRunner.RunAsync(TestPaths.Corpus, data.Path, "ask", Question, "--json");
        var cliAnswer = JsonDocument.Parse(cli.Output).RootElement;
        Assert.Equal([.. cliAnswer.EnumerateObject().Select(p => p.Name), "conversation_id", "answer_id"], answer.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(cliAnswer.GetProperty("answer").GetString(), answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_follow_up_in_the_same_conversation_keeps_the_topic_and_is_logged_with_a_hashed_user()
    {
        var first = await this.Host.AskAsync("Chi bo ap co dong dang vien thi to chuc sinh hoat the nao?");
        var conversation = first.GetProperty("conversation_id").GetString()!;

        var followUp = await this.Host.AskAsync("con chi bo it dang vien thi sao?", conversation);

        Assert.Equal(conversation, followUp.GetProperty("conversation_id").GetString());
        var searched = followUp.GetProperty("searched_question").GetString()!;
        Assert.NotEqual("con chi bo it dang vien thi sao?", searched);
        Assert.Contains("sinh hoat", PartyAssistant.Text.VietnameseText.Fold(searched), StringComparison.Ordinal);

        var logged = await ((OfficeReport)this.Host.App.Services.GetService(typeof(OfficeReport))!).QuestionsAsync(CancellationToken.None);
        var mine = logged.Where(q => q.Question == "con chi bo it dang vien thi sao?").ToList();
        var row = Assert.Single(mine);
        Assert.Equal("web", row.Channel);
        Assert.DoesNotContain(conversation, row.UserHash, StringComparison.Ordinal);
        Assert.Equal(logged.Single(q => q.Question.StartsWith("Chi bo ap co dong", StringComparison.Ordinal)).UserHash, row.UserHash);
    }

    [Theory]
    [InlineData("{\"question\":\"   \"}", "Câu hỏi trống")]
    [InlineData("{\"question\":\"chi bo\",\"conversation_id\":\"../../etc\"}", "conversation_id không hợp lệ")]
    [InlineData("{\"question\":", "Nội dung JSON không hợp lệ")]
    [InlineData("{\"question\":42}", "Nội dung JSON không hợp lệ")]
    [InlineData("null", "Thiếu nội dung JSON")]
    public async Task Ask_refuses_bad_input_with_a_vietnamese_problem(string body, string expected)
    {
        using var response = await this.Http.PostAsync("/api/ask", Json(body));
        Assert.Contains(expected, Detail(await ProblemAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_refuses_a_question_over_2000_characters_and_a_body_that_is_not_json()
    {
        using var tooLong = await this.Http.PostAsJsonAsync("/api/ask", new { question = new string('a', 2001) });
        Assert.Contains("vượt giới hạn 2.000 ký tự", Detail(await ProblemAsync(tooLong, HttpStatusCode.BadRequest)), StringComparison.Ordinal);

        using var form = await this.Http.PostAsync("/api/ask", new StringContent("question=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Contains("phải là JSON", Detail(await ProblemAsync(form, HttpStatusCode.UnsupportedMediaType)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_gets_a_vietnamese_problem_too()
    {
        using var response = await this.Http.GetAsync("/api/ask");
        Assert.Contains("không nhận phương thức GET", Detail(await ProblemAsync(response, HttpStatusCode.MethodNotAllowed)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_api_cap_is_refused_with_413_declared_or_streamed()
    {
        var big = "{\"question\":\"" + new string('a', (int)new WebOptions().MaxBodyBytes) + "\"}";
        using var declared = await this.Http.PostAsync("/api/ask", Json(big));
        Assert.Contains("Web:MaxBodyBytes", Detail(await ProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge)), StringComparison.Ordinal);

        HttpResponseMessage? streamed = null;
        for (var attempt = 0; streamed is null && attempt < 5; attempt++)
        {
            try
            {
                using var copy = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) };
                copy.Content.Headers.ContentType = new("application/json");
                copy.Headers.TransferEncodingChunked = true;
                streamed = await this.Http.SendAsync(copy);
            }
            catch (HttpRequestException)
            {
                // The server may close while the client still sends the tail; tried again.
            }
        }

        Assert.NotNull(streamed);
        using (streamed)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        }
    }

    [Fact]
    public async Task Search_returns_ranked_passages_and_checks_q_and_top()
    {
        var result = await this.Http.GetFromJsonAsync<JsonElement>("/api/search?q=sinh%20hoat%20chi%20bo&top=3");
        var hits = result.GetProperty("hits");
        Assert.Equal(3, hits.GetArrayLength());
        Assert.Equal(1, hits[0].GetProperty("rank").GetInt32());
        Assert.False(string.IsNullOrEmpty(hits[0].GetProperty("passage_id").GetString()));

        foreach (var (query, expected) in new[] { ("q=chi%20bo&top=0", "top (số đoạn trả về) phải từ 1 đến 100"), ("q=chi%20bo&top=abc", "top phải là một số nguyên"), ("top=3", "Câu hỏi trống") })
        {
            using var response = await this.Http.GetAsync($"/api/search?{query}");
            Assert.Contains(expected, Detail(await ProblemAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Documents_are_listed_with_standing_and_read_by_structure()
    {
        var documents = await this.Http.GetFromJsonAsync<JsonElement>("/api/documents");
        var seed = documents.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "kl-tu-nq03");
        Assert.Equal("in-force", seed.GetProperty("standing").GetString());
        Assert.Contains(documents.EnumerateArray(), d => d.GetProperty("kind").GetString() == "summary");

        var read = await this.Http.GetFromJsonAsync<JsonElement>("/api/documents/kl-tu-nq03");
        var sections = read.GetProperty("sections");
        Assert.True(sections.GetArrayLength() > 3);
        Assert.Contains(sections.EnumerateArray().SelectMany(s => s.GetProperty("passages").EnumerateArray()), p => p.GetProperty("passage_id").GetString() == "kl-tu-nq03/II.3.3");

        using var missing = await this.Http.GetAsync("/api/documents/qd-999");
        Assert.Contains("Không có văn bản mang mã \"qd-999\"", Detail(await ProblemAsync(missing, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        using var bad = await this.Http.GetAsync("/api/documents/kl%20tu");
        Assert.Contains("không hợp lệ", Detail(await ProblemAsync(bad, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passage_comes_with_its_heading_neighbours_standing_and_the_summary_label()
    {
        var passage = await this.Http.GetFromJsonAsync<JsonElement>("/api/passages/kl-tu-nq03/II.3.3");
        Assert.Equal("kl-tu-nq03/II.3.3", passage.GetProperty("passage_id").GetString());
        Assert.False(string.IsNullOrEmpty(passage.GetProperty("heading").GetString()));
        Assert.Equal("kl-tu-nq03/II.3.2", passage.GetProperty("previous").GetString());
        Assert.False(string.IsNullOrEmpty(passage.GetProperty("previous_text").GetString()));
        Assert.True(passage.GetProperty("document").GetProperty("in_force").GetBoolean());
        Assert.Equal(JsonValueKind.Null, passage.GetProperty("document").GetProperty("summary_note").ValueKind);

        var summaryId = (await this.Http.GetFromJsonAsync<JsonElement>("/api/documents/kl-01")).GetProperty("sections")[0].GetProperty("passages")[0].GetProperty("passage_id").GetString();
        var summary = await this.Http.GetFromJsonAsync<JsonElement>($"/api/passages/{summaryId}");
        Assert.Equal("summary", summary.GetProperty("document").GetProperty("kind").GetString());
        Assert.Contains("tóm tắt", summary.GetProperty("document").GetProperty("summary_note").GetString(), StringComparison.Ordinal);

        using var missing = await this.Http.GetAsync("/api/passages/kl-tu-nq03/IX.9");
        Assert.Contains("Không có đoạn nào mang mã", Detail(await ProblemAsync(missing, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        using var bad = await this.Http.GetAsync($"/api/passages/{new string('x', 300)}");
        await ProblemAsync(bad, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Roles_and_a_roles_obligations_typed_without_diacritics()
    {
        var roles = await this.Http.GetFromJsonAsync<JsonElement>("/api/roles");
        Assert.Contains(roles.EnumerateArray(), r => r.GetProperty("role").GetString() == "bi-thu-chi-bo");

        var checklist = await this.Http.GetFromJsonAsync<JsonElement>("/api/roles/bi%20thu%20chi%20bo/obligations");
        Assert.Equal("bi-thu-chi-bo", checklist.GetProperty("role").GetString());
        Assert.True(checklist.GetProperty("items").GetArrayLength() + checklist.GetProperty("inherited").GetArrayLength() > 0);
        Assert.All(checklist.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("passage_id").GetString())));

        using var unknown = await this.Http.GetAsync("/api/roles/thu-quy/obligations");
        Assert.Contains("Không nhận ra vai trò", Detail(await ProblemAsync(unknown, HttpStatusCode.NotFound)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiz_for_a_section_comes_as_json_markdown_or_a_word_file()
    {
        var json = await this.Http.PostAsJsonAsync("/api/quiz", new { document_id = "kl-tu-nq03", section = "II", count = 4, format = "json" });
        var quiz = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, quiz.GetProperty("items").GetArrayLength());
        Assert.All(quiz.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("kl-tu-nq03/II", i.GetProperty("passage_id").GetString(), StringComparison.Ordinal));

        using var markdown = await this.Http.PostAsJsonAsync("/api/quiz", new { document_id = "kl-tu-nq03", count = 3, format = "md" });
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("quiz-kl-tu-nq03.md", markdown.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var docx = await this.Http.PostAsJsonAsync("/api/quiz", new { document_id = "kl-tu-nq03", count = 3, format = "docx" });
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("kl-tu-nq03", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        foreach (var (body, status, expected) in new[]
        {
            ("{\"document_id\":\"kl-tu-nq03\",\"count\":500}", HttpStatusCode.BadRequest, "Số câu hỏi phải từ 1 đến 100"),
            ("{\"document_id\":\"kl-tu-nq03\",\"format\":\"pdf\"}", HttpStatusCode.BadRequest, "Định dạng \"pdf\" không hỗ trợ"),
            ("{\"count\":3}", HttpStatusCode.BadRequest, "Thiếu mã văn bản"),
            ("{\"document_id\":\"qd-999\"}", HttpStatusCode.NotFound, "Không có văn bản mang mã"),
        })
        {
            using var response = await this.Http.PostAsync("/api/quiz", Json(body));
            Assert.Contains(expected, Detail(await ProblemAsync(response, status)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_outline_downloads_as_a_word_file_and_checks_its_minutes()
    {
        using var docx = await this.Http.PostAsJsonAsync("/api/outline", new { document_id = "kl-tu-nq03", minutes = 60, format = "docx" });
        Assert.Equal(PartyAssistant.Training.TrainerMaterials.DocxType, docx.Content.Headers.ContentType?.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("60 phút", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        var json = await (await this.Http.PostAsJsonAsync("/api/outline", new { document_id = "kl-tu-nq03" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(45, json.GetProperty("minutes").GetInt32());
        Assert.True(json.GetProperty("parts").GetArrayLength() > 0);

        using var tooShort = await this.Http.PostAsync("/api/outline", Json("{\"document_id\":\"kl-tu-nq03\",\"minutes\":5}"));
        await ProblemAsync(tooShort, HttpStatusCode.BadRequest);

        // One section: its passages only, and the outline says so.
        var section = await (await this.Http.PostAsJsonAsync("/api/outline", new { document_id = "kl-tu-nq03", section = "II.3" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(section.GetProperty("document").GetProperty("notices").EnumerateArray(), n => n.GetString()!.Contains("mục II.3", StringComparison.Ordinal));
        var cited = section.GetProperty("parts").EnumerateArray().SelectMany(p => p.GetProperty("topics").EnumerateArray())
            .SelectMany(t => t.GetProperty("key_points").EnumerateArray()).Select(k => k.GetProperty("source").GetProperty("passage_id").GetString()!).ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.StartsWith("kl-tu-nq03/II.3", id, StringComparison.Ordinal));
        using var noSuchSection = await this.Http.PostAsJsonAsync("/api/outline", new { document_id = "kl-tu-nq03", section = "IX" });
        Assert.Contains("không có mục \"IX\"", Detail(await ProblemAsync(noSuchSection, HttpStatusCode.NotFound)), StringComparison.Ordinal);

        // Who the session is for, typed without diacritics; an audience nobody knows is a bad request naming the known ones.
        using var forCommune = await this.Http.PostAsJsonAsync("/api/outline", new { document_id = "kl-tu-nq03", audience = "dang uy xa", format = "md" });
        var markdown = await forCommune.Content.ReadAsStringAsync();
        Assert.Contains(PartyAssistant.Outlines.Audiences.Resolve("đảng uỷ xã")!.We, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(PartyAssistant.Outlines.Audiences.Default.We + ".", markdown, StringComparison.Ordinal);
        using var nobody = await this.Http.PostAsJsonAsync("/api/outline", new { document_id = "kl-tu-nq03", audience = "hội phụ nữ" });
        Assert.Contains("Không có đối tượng", Detail(await ProblemAsync(nobody, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_counts_only_on_an_answer_of_the_voters_conversation()
    {
        var answer = await this.Host.AskAsync("dang vien dang cong tac phai lam gi o noi cu tru?");
        var id = answer.GetProperty("answer_id").GetInt64();
        var conversation = answer.GetProperty("conversation_id").GetString();

        using var vote = await this.Http.PostAsJsonAsync("/api/feedback", new { answer_id = id, conversation_id = conversation, helpful = false });
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        Assert.Contains("Cảm ơn", (await vote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);

        using var other = await this.Http.PostAsJsonAsync("/api/feedback", new { answer_id = id, conversation_id = new string('a', 32), helpful = false });
        Assert.Contains("Không có câu trả lời số", Detail(await ProblemAsync(other, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        using var incomplete = await this.Http.PostAsJsonAsync("/api/feedback", new { answer_id = id });
        Assert.Contains("Cần answer_id", Detail(await ProblemAsync(incomplete, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        var document = await this.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/ask", "post"), ("/api/search", "get"), ("/api/documents", "get"), ("/api/documents/{id}", "get"), ("/api/passages/{id}", "get"),
            ("/api/roles", "get"), ("/api/roles/{role}/obligations", "get"), ("/api/quiz", "post"), ("/api/outline", "post"), ("/api/feedback", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing");
            Assert.True(item.TryGetProperty(method, out _), $"{method} {path} missing");
        }

        Assert.False(paths.TryGetProperty("/admin/api/report", out _));
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_from_the_host_with_a_strict_content_policy()
    {
        using var page = await this.Http.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<label for=\"question\">Câu hỏi</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var script = await this.Http.GetStringAsync("/assets/app.js");
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        using var missing = await this.Http.GetAsync("/assets/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
