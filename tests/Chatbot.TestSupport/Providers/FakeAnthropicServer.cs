using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatbot.TestSupport.Providers;

/// <summary>
/// Anthropic's Messages API (<c>POST /v1/messages</c>, streaming) on a loopback Kestrel port, for the real Anthropic
/// SDK to call. Each request takes the next scripted <see cref="AnthropicStep"/>; with none left it replies "ok". A step may
/// answer with <c>tool_use</c> blocks; the next request then carries the <c>tool_result</c>s for a test to read.
/// Records every request's arrival time, API key and body.
/// </summary>
public sealed class FakeAnthropicServer : IAsyncDisposable
{
    public const string Model = "claude-fake-1";

    private readonly ConcurrentQueue<AnthropicStep> _steps = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<AnthropicRequest> Requests { get; } = new();
    public int Calls => Requests.Count;

    public static async Task<FakeAnthropicServer> StartAsync(params AnthropicStep[] steps)
    {
        var server = new FakeAnthropicServer();
        server.Enqueue(steps);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/messages", server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = app.Urls.First();
        return server;
    }

    public void Enqueue(params AnthropicStep[] steps)
    {
        foreach (var step in steps) _steps.Enqueue(step);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue(new AnthropicRequest(DateTimeOffset.UtcNow, Credential(context.Request), body.RootElement.Clone()));
        var step = _steps.TryDequeue(out var next) ? next : AnthropicStep.Reply(1, 1, "ok");
        if (step.Status != 200)
        {
            context.Response.StatusCode = step.Status;
            if (step.RetryAfter is { } retryAfter) context.Response.Headers["retry-after"] = retryAfter;
            await context.Response.WriteAsJsonAsync(new { type = "error", error = new { type = step.ErrorType, message = "scripted " + step.Status } });
            return;
        }
        context.Response.ContentType = "text/event-stream";
        await WriteAsync(context, "message_start", new
        {
            type = "message_start",
            message = new
            {
                id = "msg_" + Guid.NewGuid().ToString("N"), type = "message", role = "assistant", model = Model, content = Array.Empty<object>(),
                stop_reason = (string?)null, stop_sequence = (string?)null, usage = new { input_tokens = step.InputTokens, output_tokens = 1 },
            },
        });
        var index = 0;
        if (step.Deltas.Count > 0 || step.ToolUses is not { Count: > 0 })
        {
            await WriteAsync(context, "content_block_start", new { type = "content_block_start", index, content_block = new { type = "text", text = "" } });
            await WriteAsync(context, "ping", new { type = "ping" });
            foreach (var delta in step.Deltas)
            {
                if (step.DelayMilliseconds > 0) await Task.Delay(step.DelayMilliseconds, context.RequestAborted);
                await WriteAsync(context, "content_block_delta", new { type = "content_block_delta", index, delta = new { type = "text_delta", text = delta } });
            }
            if (step.StreamErrorType is { } errorType)
            {
                await WriteAsync(context, "error", new { type = "error", error = new { type = errorType, message = "Overloaded" } });
                return;
            }
            await WriteAsync(context, "content_block_stop", new { type = "content_block_stop", index });
            index++;
        }
        foreach (var use in step.ToolUses ?? [])
        {
            var name = OfferedName(body.RootElement, use.Name);
            await WriteAsync(context, "content_block_start", new
            {
                type = "content_block_start", index, content_block = new { type = "tool_use", id = use.Id, name, input = new { } },
            });
            foreach (var piece in use.InputJson.Chunk(8))
            {
                await WriteAsync(context, "content_block_delta", new
                {
                    type = "content_block_delta", index, delta = new { type = "input_json_delta", partial_json = new string(piece) },
                });
            }
            await WriteAsync(context, "content_block_stop", new { type = "content_block_stop", index });
            index++;
        }
        await WriteAsync(context, "message_delta", new
        {
            type = "message_delta", delta = new { stop_reason = step.ToolUses is { Count: > 0 } ? "tool_use" : "end_turn", stop_sequence = (string?)null },
            usage = new { output_tokens = step.OutputTokens },
        });
        await WriteAsync(context, "message_stop", new { type = "message_stop" });
    }

    /// <summary>The offered tool whose name is <paramref name="name"/> or ends with it after a prefix; the name itself otherwise.</summary>
    private static string OfferedName(JsonElement request, string name) =>
        request.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array
            ? tools.EnumerateArray().Select(t => t.TryGetProperty("name", out var n) ? n.GetString() : null)
                .FirstOrDefault(n => n == name || (n?.EndsWith(name, StringComparison.Ordinal) == true && n.Length > name.Length && n[^(name.Length + 1)] is '_' or '-'))
              ?? name
            : name;

    /// <summary>The key as the SDK sends it: <c>x-api-key</c>, or (SDK 13: <c>ApiKey</c>) <c>Authorization: Bearer</c>.</summary>
    private static string Credential(HttpRequest request) =>
        request.Headers["x-api-key"].ToString() is { Length: > 0 } key ? key : request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);

    private static async Task WriteAsync(HttpContext context, string type, object data)
    {
        await context.Response.WriteAsync($"event: {type}\ndata: {JsonSerializer.Serialize(data)}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
