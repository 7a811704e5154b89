using System.Collections.Concurrent;
using System.Text.Json;
using Chatbot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>
/// The outside world, faked on a loopback port: OpenAI's <c>/v1/moderations</c> (flags inputs containing
/// <see cref="FlagMarker"/> as violence, answers inputs containing <see cref="SlowMarker"/> after 30 s) and a streaming
/// <c>/v1/chat/completions</c> that echoes the last user message (all messages when it contains <c>[[sim:echo]]</c>).
/// Every request body it received is kept, so a test can check what left the system.
/// </summary>
public sealed class FakeOpenAI : IAsyncDisposable
{
    public const string FlagMarker = "FAKE-FLAG";
    public const string SlowMarker = "FAKE-SLOW";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private LoopbackServer server = null!;

    public ConcurrentQueue<string> ModerationInputs { get; } = new();

    public ConcurrentQueue<string> ChatRequests { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeOpenAI> StartAsync()
    {
        var fake = new FakeOpenAI();
        fake.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/moderations", (Delegate)fake.ModerateAsync);
            app.MapPost("/v1/chat/completions", fake.CompleteAsync);
        });
        fake.BaseAddress = new Uri(fake.server.Address + "v1");
        return fake;
    }

    private async Task<IResult> ModerateAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var input = body.RootElement.GetProperty("input").GetString() ?? string.Empty;
        ModerationInputs.Enqueue(input);
        Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
        if (input.Contains(SlowMarker, StringComparison.Ordinal)) await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
        var flagged = input.Contains(FlagMarker, StringComparison.Ordinal);
        return Results.Json(new
        {
            id = "modr-fake",
            model = "omni-moderation-latest",
            results = new[]
            {
                new
                {
                    flagged,
                    categories = new Dictionary<string, bool> { ["violence"] = flagged, ["harassment"] = false },
                    category_scores = new Dictionary<string, double> { ["violence"] = flagged ? 0.97 : 0.01, ["harassment"] = 0.02 },
                },
            },
        });
    }

    private async Task CompleteAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        ChatRequests.Enqueue(body.RootElement.GetRawText());
        var messages = body.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => (Role: m.GetProperty("role").GetString(), Content: ContentOf(m.GetProperty("content")))).ToList();
        var last = messages.LastOrDefault(m => m.Role == "user").Content ?? string.Empty;
        var reply = last.Contains("[[sim:echo]]", StringComparison.Ordinal)
            ? string.Join("\n", messages.Select(m => $"{m.Role}: {m.Content}"))
            : $"You said: {last}";
        http.Response.ContentType = "text/event-stream";
        for (var i = 0; i < reply.Length; i += 4)
        {
            await ChunkAsync(http, new { role = "assistant", content = reply.Substring(i, Math.Min(4, reply.Length - i)) }, null);
        }
        await ChunkAsync(http, new { }, "stop");
        await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(new
        {
            id = "chatcmpl-fake", @object = "chat.completion.chunk", created = 0, model = "fake-model", choices = Array.Empty<object>(),
            usage = new { prompt_tokens = 10, completion_tokens = reply.Length / 4, total_tokens = 10 + reply.Length / 4 },
        }, Json) + "\n\ndata: [DONE]\n\n");
    }

    private static async Task ChunkAsync(HttpContext http, object delta, string? finishReason)
    {
        var chunk = new
        {
            id = "chatcmpl-fake", @object = "chat.completion.chunk", created = 0, model = "fake-model",
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        };
        await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, Json) + "\n\n");
        await http.Response.Body.FlushAsync();
    }

    private static string ContentOf(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString() ?? string.Empty
        : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : string.Empty));

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
