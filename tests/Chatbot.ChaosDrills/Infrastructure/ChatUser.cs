using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.TestSupport;

namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>One signed-up user talking to chat's public origin with a real access token.</summary>
public sealed class ChatUser(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    /// <summary>The user's id (token subject) and tenant id, read from <c>/api/me</c>.</summary>
    public async Task<(Guid UserId, Guid TenantId)> WhoAmIAsync()
    {
        using var me = JsonDocument.Parse(await client.GetStringAsync("/api/me"));
        return (Guid.Parse(me.RootElement.GetProperty("sub").GetString()!), Guid.Parse(me.RootElement.GetProperty("tenantId").GetString()!));
    }

    public async Task<Guid> CreateConversationAsync()
    {
        using var response = await client.PostAsJsonAsync("/api/conversations", new { title = "drill" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Posts a message with an idempotency key; 202 gives the turn, anything else fails the drill with the body.</summary>
    public async Task<AcceptedTurn> SendAsync(Guid conversationId, string content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { content }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"send: {(int)response.StatusCode} {text}");
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement;
        return new AcceptedTurn(this, conversationId, root.GetProperty("messageId").GetGuid(), root.GetProperty("replyId").GetGuid(),
            root.GetProperty("streamUrl").GetString()!);
    }

    /// <summary>Reads the reply stream until <c>done</c> or <c>error</c> (or the server ends it), within <paramref name="timeout"/>.</summary>
    public async Task<List<SseEvent>> ReadStreamAsync(string url, TimeSpan timeout, string? lastEventId = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        return await SseReader.ReadToEndAsync(reader, cts.Token);
    }

    /// <summary>
    /// Follows a reply stream the way a browser's EventSource does: when the connection ends without a final event (or
    /// the server answers 503), it reconnects with <c>Last-Event-ID</c>. Returns every event seen until <c>done</c>,
    /// <c>error</c> or 204; when <paramref name="timeout"/> passes first, returns what it has (no final event = a hang).
    /// </summary>
    public async Task<StreamOutcome> FollowStreamAsync(string url, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var events = new List<SseEvent>();
        var reconnects = 0;
        while (!cts.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (events.LastOrDefault(e => e.Id is not null)?.Id is { } last)
                {
                    request.Headers.Add("Last-Event-ID", last);
                }
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return new StreamOutcome(events, reconnects, EndedWith204: true);
                }
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
                    events.AddRange(await SseReader.ReadToEndAsync(reader, cts.Token));
                    if (events.Count > 0 && events[^1].Type is "done" or "error")
                    {
                        return new StreamOutcome(events, reconnects, EndedWith204: false);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !cts.IsCancellationRequested)
            {
                // connection dropped: reconnect below
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                break;
            }
            reconnects++;
            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }
        return new StreamOutcome(events, reconnects, EndedWith204: false);
    }

    public void Dispose() => client.Dispose();
}
