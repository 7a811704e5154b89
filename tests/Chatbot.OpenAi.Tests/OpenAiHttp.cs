using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Chatbot.OpenAi.Tests;

/// <summary>Plain HTTP against <c>/v1</c> for what SDKs hide (status, headers, the error object as sent).</summary>
public static class OpenAiHttp
{
    public static HttpClient Client(OpenAiSystemFixture system, string? key)
    {
        var client = system.App.CreateHttpClient("chat");
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> CompleteRawAsync(HttpClient client, string json) =>
        client.PostAsync("/v1/chat/completions", new StringContent(json, Encoding.UTF8, "application/json"));

    public static object Ask(string content, bool stream = false) =>
        new { model = "default", messages = new[] { new { role = "user", content } }, stream };

    /// <summary>The OpenAI error object of an answer: asserts the status and the shape, returns (type, code, param).</summary>
    public static async Task<(string? Type, string? Code, string? Param)> ErrorAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return (error.GetProperty("type").GetString(), error.GetProperty("code").GetString(), error.GetProperty("param").GetString());
    }
}
