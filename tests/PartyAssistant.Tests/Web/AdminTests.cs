using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PartyAssistant.Tests.Web;

/// <summary>The office page: closed without a configured token, refused without the presented token, and its report.</summary>
public sealed class AdminTests
{
    [Fact]
    public async Task Without_a_configured_token_the_office_page_does_not_exist()
    {
        await using var host = await WebTestHost.StartAsync(new Dictionary<string, string?> { ["Web:AdminToken"] = "" });

        foreach (var path in new[] { "/admin", "/admin/api/report", "/admin/export.csv" })
        {
            using var response = await host.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/report");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "");
        using var withEmpty = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, withEmpty.StatusCode);
    }

    [Fact]
    public async Task A_short_token_is_refused_at_start_in_vietnamese()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => WebTestHost.StartAsync(new Dictionary<string, string?> { ["Web:AdminToken"] = "short" }));
        Assert.Contains("Web:AdminToken phải dài ít nhất 16 ký tự", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_needs_the_token_by_header_or_by_the_login_forms_cookie()
    {
        await using var host = await WebTestHost.StartAsync();

        using var page = await host.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("Mã quản trị", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = await host.Http.GetAsync("/admin/api/report");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Cần mã quản trị", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithBearerAsync(host, "office-token-0123456789-wrong"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithBearerAsync(host, WebTestHost.AdminToken));

        // The login form: a wrong token gets the form again with its error; the right one a session cookie, not the token.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host.Address };
        using var wrong = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "nope" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("<p id=\"login-error\" role=\"alert\">", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = WebTestHost.AdminToken }));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(WebTestHost.AdminToken, cookie, StringComparison.Ordinal);

        using var report = await client.GetAsync("/admin/api/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var admin = await client.GetAsync("/admin");
        Assert.Contains("Văn bản chưa trả lời được", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A cookie made up by hand is worth nothing.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/admin/api/report");
        forged.Headers.Add("Cookie", "pa_admin=CfDJ8forged");
        using var forgedResponse = await host.Http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
    }

    [Fact]
    public async Task The_gap_report_groups_unanswered_questions_by_focus_newest_first_with_thumbs_down_and_csv()
    {
        await using var host = await WebTestHost.StartAsync();
        var answered = await host.AskAsync("Den nam 2025 ty le bi thu chi bo dong thoi la truong ap, khom khong qua 40 tuoi phai dat bao nhieu?");
        var first = await host.AskAsync("Quy định về nuôi cá cảnh trong khuôn viên trụ sở đảng uỷ?");
        await host.AskAsync("quy dinh ve nuoi ca canh trong khuon vien tru so dang uy?");
        Assert.NotEqual("answer", first.GetProperty("outcome").GetString());
        var focus = first.GetProperty("focus").GetString();
        using (var vote = await host.Http.PostAsJsonAsync("/api/feedback", new
        {
            answer_id = answered.GetProperty("answer_id").GetInt64(),
            conversation_id = answered.GetProperty("conversation_id").GetString(),
            helpful = false,
        }))
        {
            vote.EnsureSuccessStatusCode();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/report");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WebTestHost.AdminToken);
        using var response = await host.Http.SendAsync(request);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, report.GetProperty("questions").GetInt32());
        Assert.Equal(3, report.GetProperty("activity").EnumerateArray().Where(a => a.GetProperty("channel").GetString() == "web").Sum(a => a.GetProperty("count").GetInt32()));
        var gap = Assert.Single(report.GetProperty("gaps").EnumerateArray());
        Assert.Equal(2, gap.GetProperty("count").GetInt32());
        Assert.Equal("quy dinh ve nuoi ca canh trong khuon vien tru so dang uy?", gap.GetProperty("examples")[0].GetString());
        Assert.False(string.IsNullOrEmpty(focus));
        var down = Assert.Single(report.GetProperty("thumbs_down").EnumerateArray());
        Assert.Contains("50%", down.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("kl-tu-nq03/", report.GetProperty("most_cited")[0].GetProperty("passage_id").GetString(), StringComparison.Ordinal);

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/admin/export.csv");
        csvRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WebTestHost.AdminToken);
        using var csv = await host.Http.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("thoi_gian_utc,kenh,nguoi_hoi_bam,cau_hoi,ket_qua,trong_tam,doan_trich_dan", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"Quy định về nuôi cá cảnh trong khuôn viên trụ sở đảng uỷ?\"", lines[2], StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> StatusWithBearerAsync(WebTestHost host, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/report");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>The per-client rate limit of the API: past it 429 with Retry-After and a Vietnamese problem.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_retry_after()
    {
        await using var host = await WebTestHost.StartAsync(new Dictionary<string, string?> { ["Web:RequestsPerMinute"] = "2" });

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await host.Http.GetAsync("/api/roles");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await host.Http.GetAsync("/api/roles");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("quá nhiều yêu cầu", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page and the health check are not the API's: still served.
        using var health = await host.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

/// <summary>A database held by another writer: the API says 503 with Retry-After, and answers once it is free.</summary>
public sealed class WebStorageOutageTests
{
    [Fact]
    public async Task A_locked_database_gets_503_and_the_question_asked_again_is_answered()
    {
        await using var host = await WebTestHost.StartAsync(new Dictionary<string, string?> { ["Storage:BusyTimeoutSeconds"] = "0.5" });
        await host.AskAsync("chi bo sinh hoat may lan mot thang?");

        await using (var locker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "partyassistant.db")};Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }

            using var refused = await host.Http.PostAsJsonAsync("/api/ask", new { question = "chi bo sinh hoat may lan mot thang?" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("đang bận", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var answered = await host.AskAsync("chi bo sinh hoat may lan mot thang?");
        Assert.True(answered.GetProperty("answer_id").GetInt64() > 0);
    }
}
