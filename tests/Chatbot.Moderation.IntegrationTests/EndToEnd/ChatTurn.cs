using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Moderation.IntegrationTests.EndToEnd;

/// <summary>Sends one message through chat's public API and reads its reply stream (SSE) to the final event.</summary>
public static class ChatTurn
{
    public static async Task<(Guid ReplyId, List<(string Type, string Data)> Events)> SendAsync(HttpClient client, string content)
    {
        var (replyId, events, _) = await SendTimedAsync(client, content);
        return (replyId, events);
    }

    /// <summary>
    /// As <see cref="SendAsync"/>, in a new conversation, with the time from the 202 (its headers received) to the first
    /// <c>token</c> event on the stream opened after it, as the web page does (0 when no token came).
    /// </summary>
    public static async Task<(Guid ReplyId, List<(string Type, string Data)> Events, double FirstTokenAfter202Ms)> SendTimedAsync(
        HttpClient client, string content)
    {
        using var created = await client.PostAsJsonAsync("/api/conversations", new { title = "moderation" });
        created.EnsureSuccessStatusCode();
        var conversationId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var sent = await client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content });
        var accepted = Stopwatch.GetTimestamp();
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var replyId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetGuid();

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync($"/api/replies/{replyId}/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var events = new List<(string, string)>();
        string? type = null;
        var firstToken = 0.0;
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal) && type is not null)
            {
                if (type == "token" && firstToken == 0) firstToken = Stopwatch.GetElapsedTime(accepted).TotalMilliseconds;
                events.Add((type, line[5..].Trim()));
                if (type is "done" or "error") break;
            }
        }
        return (replyId, events, firstToken);
    }

    /// <summary>Waits until the message <paramref name="replyId"/> has <paramref name="status"/> in the conversation list.</summary>
    public static async Task AssertReplyStatusAsync(HttpClient client, Guid replyId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var conversations = await client.GetFromJsonAsync<JsonElement>("/api/conversations");
            foreach (var conversation in conversations.GetProperty("items").EnumerateArray())
            {
                var messages = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation.GetProperty("id").GetGuid()}/messages");
                foreach (var message in messages.GetProperty("items").EnumerateArray())
                {
                    if (message.GetProperty("id").GetGuid() == replyId) last = message.GetProperty("status").GetString();
                }
            }
            if (last == status) return;
            await Task.Delay(200);
        }
        Assert.Equal(status, last);
    }
}
