using PartyAssistant.Fakes;
using PartyAssistant.Hosting;

namespace PartyAssistant.Tests.Answering;

public sealed class CredentialScrubberTests
{
    [Theory]
    [InlineData("Incorrect API key provided: Bearer sk-live-abcdef123456", "sk-live-abcdef123456")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("POST https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    [InlineData("{\"access_token\":\"zalo-access-987654\",\"x\":1}", "zalo-access-987654")]
    [InlineData("refresh_token=rt-0123456789&app_id=1", "rt-0123456789")]
    public void Credentials_in_upstream_text_are_hidden(string text, string secret)
    {
        var scrubbed = CredentialScrubber.Scrub(text);
        Assert.DoesNotContain(secret, scrubbed, StringComparison.Ordinal);
        Assert.Contains("***", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_error_text_is_left_alone()
    {
        const string text = "Không kết nối được máy chủ (Connection refused 127.0.0.1:9); mã lỗi -32, thử lại sau 5 giây.";
        Assert.Equal(text, CredentialScrubber.Scrub(text));
    }

    [Fact]
    public async Task A_model_server_echoing_the_key_in_its_401_never_puts_the_key_in_the_logs()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeReply.Error(401, "Incorrect API key provided: Bearer sk-secret-7777777777. You can find your API key at …", "invalid_request_error");
        using var logs = new CapturedLogs();
        using var assistant = new TestAssistant(new Dictionary<string, string?>
        {
            ["Model:Provider"] = "openai",
            ["Model:Endpoint"] = server.BaseUrl.ToString(),
            ["Model:Model"] = "test-model",
            ["Model:ApiKey"] = "sk-secret-7777777777",
        }, logs: logs);

        var answer = await assistant.Pipeline.AskAsync("Cấp ủy có phải tiếp dân định kỳ không?", null, CancellationToken.None);

        Assert.NotNull(answer.Notice); // the model failed and the offline answer was used
        Assert.Contains(logs.Lines, l => l.Contains("Mô hình báo lỗi", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("sk-secret-7777777777", StringComparison.Ordinal));
    }
}
