using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Fakes;

/// <summary>The fake must speak the real wire format, or tests built on it would prove nothing about real clients.</summary>
public sealed class FakeOpenAiServerTests
{
    private const string SimpleRequest = """{"model":"gpt-test","messages":[{"role":"user","content":"hi there"}]}""";

    private static Uri Completions(FakeOpenAiServer server) => new($"{server.BaseUrl}/chat/completions");

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string json) =>
        http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Text_reply_has_the_chat_completion_shape()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeReply.Text("Xin chào bạn");
        using var http = new HttpClient();

        using var response = await PostAsync(http, Completions(server), SimpleRequest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.StartsWith("chatcmpl-", root.GetProperty("id").GetString());
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.True(root.GetProperty("created").GetInt64() > 1_700_000_000);
        Assert.Equal("gpt-test", root.GetProperty("model").GetString());
        var choice = Assert.Single(root.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("Xin chào bạn", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var usage = root.GetProperty("usage");
        Assert.True(usage.GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Equal(
            usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32(),
            usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Empty_reply_is_a_success_with_empty_content()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeReply.Empty();
        using var http = new HttpClient();

        using var response = await PostAsync(http, Completions(server), SimpleRequest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("", json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Streaming_reply_is_server_sent_chunks_ending_with_done()
    {
        const string content = "Một hai ba bốn năm";
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeReply.Text(content);
        using var http = new HttpClient();

        using var response = await PostAsync(http, Completions(server),
            """{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"count"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("data: [DONE]\n\n", text);
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e));

        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        var deltas = chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();
        Assert.Equal("assistant", deltas[0].GetProperty("role").GetString());
        Assert.Equal("", deltas[0].GetProperty("content").GetString());
        Assert.Empty(deltas[^1].EnumerateObject());
        Assert.Equal("stop", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.All(chunks[..^1], c => Assert.Equal(JsonValueKind.Null, c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind));

        var contentDeltas = deltas.Skip(1).SkipLast(1).Select(d => d.GetProperty("content").GetString()).ToList();
        Assert.True(contentDeltas.Count > 1, "the content should arrive in several chunks");
        Assert.Equal(content, string.Concat(contentDeltas));
    }

    [Fact]
    public async Task Error_reply_has_status_error_body_and_retry_after()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeReply.Error(429, "Rate limit reached", "requests", TimeSpan.FromMilliseconds(2500));
        using var http = new HttpClient();

        using var response = await PostAsync(http, Completions(server), SimpleRequest);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta); // whole seconds, rounded up
        Assert.Equal("2500", Assert.Single(response.Headers.GetValues("retry-after-ms")));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("Rate limit reached", error.GetProperty("message").GetString());
        Assert.Equal("requests", error.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("code").ValueKind);
    }

    [Fact]
    public async Task Requests_are_recorded_with_headers_and_flattened_messages()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, Completions(server))
        {
            Content = new StringContent(
                """
                {"model":"gpt-rec","temperature":0.25,"messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":[{"type":"text","text":"Hello "},{"type":"image_url","image_url":{"url":"http://x/y.png"}},{"type":"text","text":"world"}]}
                ]}
                """, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Authorization", "Bearer k-123");

        using var response = await http.SendAsync(message);

        // The default responder answers "OK".
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OK", json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());

        Assert.Equal(1, server.RequestCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer k-123", request.Headers["authorization"]);
        Assert.StartsWith("application/json", request.Headers["CONTENT-TYPE"]);
        Assert.Contains("\"gpt-rec\"", request.Body);
        Assert.Equal("gpt-rec", request.Model);
        Assert.Equal([new RecordedMessage("system", "Be brief."), new RecordedMessage("user", "Hello world")], request.Messages);
        Assert.False(request.Stream);
        Assert.Equal(0.25, request.Temperature);
    }

    [Theory]
    [InlineData("/v1/chat/completions", "/v1/chat/completions")]
    [InlineData("/chat/completions", "/chat/completions")]
    [InlineData("/openai/deployments/my-deploy/chat/completions?api-version=2024-10-21", "/openai/deployments/my-deploy/chat/completions")]
    public async Task Every_supported_route_answers(string pathAndQuery, string recordedPath)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var http = new HttpClient();

        using var response = await PostAsync(http, new Uri(server.BaseUrl, pathAndQuery), SimpleRequest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(recordedPath, Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Other_routes_are_not_found_and_not_recorded()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var http = new HttpClient();

        using var response = await PostAsync(http, new Uri($"{server.BaseUrl}/embeddings"), SimpleRequest);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Delayed_reply_is_cut_short_by_a_client_timeout_and_the_server_keeps_serving()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeReply.Delayed(TimeSpan.FromSeconds(30), FakeReply.Text("too late"));

        using (var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(2) })
        {
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAsync<TaskCanceledException>(() => PostAsync(impatient, Completions(server), SimpleRequest));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the client timeout should end the call, took {clock.Elapsed}");
        }

        server.Responder = _ => FakeReply.Delayed(TimeSpan.FromMilliseconds(50), FakeReply.Text("on time"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await PostAsync(http, Completions(server), SimpleRequest);
        Assert.Contains("on time", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Dispose_does_not_wait_for_a_pending_delay()
    {
        var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeReply.Delayed(TimeSpan.FromMinutes(5), FakeReply.Text("never"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var pending = PostAsync(http, Completions(server), SimpleRequest);
        while (server.RequestCount == 0 && !pending.IsCompleted)
            await Task.Delay(10);

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();

        // Well under the server's 2 s shutdown timeout, which would otherwise be what ends the delay.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"dispose took {clock.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending); // the connection is dropped, not answered
    }

    [Fact]
    public async Task Semantic_Kernel_OpenAI_connector_talks_to_the_fake()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => FakeReply.Text(r.Stream ? "streamed answer in pieces" : "plain answer");
        using var http = new HttpClient();
#pragma warning disable SKEXP0010 // the custom-endpoint overload is marked experimental
        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(modelId: "test-model", endpoint: server.BaseUrl, apiKey: "test-key", httpClient: http)
            .Build();
#pragma warning restore SKEXP0010
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("You are terse.");
        history.AddUserMessage("Hello?");

        var reply = await chat.GetChatMessageContentAsync(history);

        var streamed = new StringBuilder();
        await foreach (var part in chat.GetStreamingChatMessageContentsAsync(history))
            streamed.Append(part.Content);

        Assert.Equal("plain answer", reply.Content);
        Assert.Equal("streamed answer in pieces", streamed.ToString());
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("/v1/chat/completions", r.Path);
            Assert.Equal("Bearer test-key", r.Headers["Authorization"]);
            Assert.Equal("test-model", r.Model);
            Assert.Equal([new RecordedMessage("system", "You are terse."), new RecordedMessage("user", "Hello?")], r.Messages);
        });
        Assert.False(requests[0].Stream);
        Assert.True(requests[1].Stream);
    }
}
