using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Load.Client;

namespace Chatbot.Load.Overhead;

/// <summary>The few chat API calls the benchmark makes, timed.</summary>
public sealed class ProbeClient(HttpClient client) : IDisposable
{
    private const string TraceParentHeader = "traceparent";

    /// <summary>The signed-in client (chat's origin, the user's token), for routes this class does not wrap (<c>/v1</c>).</summary>
    public HttpClient Http => client;

    /// <summary>A client (a connection pool of its own) of chat's origin signed in as <paramref name="account"/>.</summary>
    public static ProbeClient For(Uri chat, Account account)
    {
        var handler = new ClientAddressHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var client = new HttpClient(handler) { BaseAddress = chat, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        return new ProbeClient(client);
    }

    /// <summary>Carries on with a fresh token of the same user (a run outlasts an access token).</summary>
    public void Renew(Account account) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);

    public async Task<Guid> CreateConversationAsync()
    {
        var response = await client.PostAsJsonAsync("/api/conversations", new { title = "bench" });
        await response.EnsureSuccessAsync();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>POST a message; returns the reply id, its stream URL and how long the 202 took.</summary>
    public async Task<SentMessage> SendAsync(Guid conversationId, string content, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { content }),
        };
        if (traceParent is not null) request.Headers.Add(TraceParentHeader, traceParent);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await response.EnsureSuccessAsync();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new SentMessage(body.RootElement.GetProperty("replyId").GetGuid(),
            body.RootElement.GetProperty("streamUrl").GetString()!, elapsed);
    }

    public async Task<double> ListConversationsAsync()
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/api/conversations?limit=20");
        await response.EnsureSuccessAsync();
        await response.Content.ReadAsByteArrayAsync();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public async Task CancelAsync(Guid replyId)
    {
        using var response = await client.PostAsync($"/api/replies/{replyId}/cancel", null);
        await response.EnsureSuccessAsync();
    }

    /// <summary>
    /// Reads a reply stream to its end (done or error); returns the time from <paramref name="since"/> to the first token
    /// (ms, NaN if none came) and calls <paramref name="firstToken"/> when it arrives.
    /// </summary>
    public async Task<double> ReadStreamAsync(string streamUrl, long since, Action? firstToken = null, string? traceParent = null,
        CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, streamUrl);
        if (traceParent is not null) request.Headers.Add(TraceParentHeader, traceParent);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await response.EnsureSuccessAsync();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var firstTokenAt = double.NaN;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line == "event: token" && double.IsNaN(firstTokenAt))
            {
                firstTokenAt = Stopwatch.GetElapsedTime(since).TotalMilliseconds;
                firstToken?.Invoke();
            }
            if (line is "event: done" or "event: error")
            {
                break;
            }
        }
        return firstTokenAt;
    }

    public void Dispose() => client.Dispose();
}
