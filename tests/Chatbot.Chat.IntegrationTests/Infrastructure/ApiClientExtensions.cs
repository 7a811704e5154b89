using Chatbot.ServiceDefaults.Paging;
using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Conversations;
using Chatbot.Chat.Http;
using Chatbot.Chat.Messages;
using Chatbot.Chat.Prompts;
using Chatbot.TestSupport;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

public static class ApiClientExtensions
{
    public static async Task<ConversationDto> CreateConversationAsync(this HttpClient client, string title = "test")
    {
        var response = await client.PostAsJsonAsync("/api/conversations", new { title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ConversationDto>())!;
    }

    /// <summary>
    /// Follows <c>nextCursor</c> from the first page of <paramref name="url"/> (a URL with a query string) to the last,
    /// <paramref name="limit"/> items a page: every conversation id in the order served, and how many pages it took.
    /// </summary>
    public static async Task<(List<Guid> Ids, int Pages)> ReadAllPagesAsync(this HttpClient client, string url, int limit)
    {
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<Page<ConversationDto>>($"{url}&limit={limit}&cursor={cursor}");
            Assert.True(page!.Items.Count <= limit);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);
        return (seen, pages);
    }

    /// <summary>A new prompt version of the client's tenant (the client must be a tenant admin).</summary>
    public static async Task<PromptVersionDto> CreatePromptAsync(this HttpClient client, string content, bool activate = true)
    {
        var response = await client.PostAsJsonAsync("/api/prompts", new { content, activate });
        Assert.True(response.IsSuccessStatusCode, $"POST /api/prompts answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<PromptVersionDto>())!;
    }

    public static Task<HttpResponseMessage> SendMessageAsync(this HttpClient client, Guid conversationId, string content,
        string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { content }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static async Task<SendMessageResponse> SendAcceptedAsync(this HttpClient client, Guid conversationId, string content)
    {
        var response = await client.SendMessageAsync(conversationId, content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SendMessageResponse>())!;
    }

    /// <summary>Reads SSE events (not heartbeats) until done or error, or <paramref name="max"/> events.</summary>
    public static async Task<List<SseEvent>> ReadEventsAsync(this HttpClient client, string url, string? lastEventId = null,
        int max = 1000, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        return await SseReader.ReadToEndAsync(reader, cts.Token, max);
    }
}
