using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Benchmarks;

/// <summary>The few chat API calls the benchmark makes, timed.</summary>
public sealed class ChatApi(HttpClient client)
{
    public HttpClient Client => client;

    public static async Task<ChatApi> SignUpAsync(Uri chat)
    {
        var client = new HttpClient { BaseAddress = chat, Timeout = TimeSpan.FromMinutes(5) };
        var email = $"bench-{Guid.NewGuid():N}@example.test";
        const string password = "Correct-Horse-Battery-9!";
        (await client.PostAsJsonAsync("/api/account/register", new { email, password, tenantName = "bench" })).EnsureSuccessStatusCode();
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password, ["client_id"] = "chatbot-web",
        }));
        token.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        return new ChatApi(client);
    }

    public async Task<Guid> CreateConversationAsync()
    {
        var response = await client.PostAsJsonAsync("/api/conversations", new { title = "bench" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>POST a message; returns the stream URL and how long the 202 took.</summary>
    public async Task<(string StreamUrl, double Milliseconds)> SendAsync(Guid conversationId, string content)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("streamUrl").GetString()!, elapsed);
    }

    public async Task<double> ListConversationsAsync()
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/api/conversations?limit=20");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Reads a reply stream to its end; returns the time from <paramref name="since"/> to the first token (ms).</summary>
    public async Task<double> ReadStreamAsync(string streamUrl, long since)
    {
        using var response = await client.GetAsync(streamUrl, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var firstToken = double.NaN;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line == "event: token" && double.IsNaN(firstToken))
            {
                firstToken = Stopwatch.GetElapsedTime(since).TotalMilliseconds;
            }
            if (line is "event: done" or "event: error")
            {
                break;
            }
        }
        return firstToken;
    }
}
