using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chatbot.Simulator;

/// <summary>
/// The simulator as an OpenAI-compatible HTTP endpoint (<c>POST /v1/chat/completions</c>, streaming SSE and not), so any
/// OpenAI client, including Semantic Kernel's connector, can be pointed at it. <c>/simulators/{name}/v1</c> is the same
/// endpoint answering as the provider <c>name</c>, so drill directives with <c>provider=name</c> can target it.
/// </summary>
public static class SimulatorApi
{
    private static readonly TimeSpan DisconnectDrain = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapSimulatorApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", (HttpContext http, ProviderSimulator simulator) => CompleteAsync(http, simulator, null))
            .WithTags("Simulator").ExcludeFromDescription();
        app.MapPost("/simulators/{name}/v1/chat/completions", (HttpContext http, ProviderSimulator simulator, string name) => CompleteAsync(http, simulator, name))
            .WithTags("Simulator").ExcludeFromDescription();
        return app;
    }

    public static async Task CompleteAsync(HttpContext http, ProviderSimulator simulator, string? providerName)
    {
        var ct = http.RequestAborted;
        SimulatorRequestReader.Request? request;
        string? error;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            request = SimulatorRequestReader.TryRead(body.RootElement, out error);
        }
        catch (JsonException)
        {
            (request, error) = (null, "The request body is not valid JSON.");
        }
        if (request is null)
        {
            await WriteErrorAsync(http, 400, "invalid_request_error", error!);
            return;
        }

        var plan = simulator.Plan(request.Messages, request.MaxTokens, providerName ?? ProviderSimulator.ModelName, request.Stop);
        var finishReason = plan.ReachedMaxTokens ? "length" : "stop";
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var usage = new { prompt_tokens = plan.InputTokens, completion_tokens = plan.OutputTokens, total_tokens = plan.InputTokens + plan.OutputTokens };
        var text = new System.Text.StringBuilder();
        try
        {
            await foreach (var token in simulator.StreamAsync(plan, ct))
            {
                if (!request.Stream)
                {
                    text.Append(token);
                    continue;
                }
                if (!http.Response.HasStarted) StartStream(http);
                await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model = ProviderSimulator.ModelName,
                    choices = new[] { new { index = 0, delta = new { role = "assistant", content = token }, finish_reason = (string?)null } } }, ct);
            }
        }
        catch (SimulatedFailureException p) when (p.StatusCode is { } status && !http.Response.HasStarted)
        {
            if (p.RetryAfter is { } ra) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(ra.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(http, status, status == 429 ? "rate_limit_exceeded" : "server_error", p.Message);
            return;
        }
        catch (SimulatedFailureException)
        {
            // The injected disconnect, or a 429/500 after streaming began (the status line is gone: the stream breaks). Let the tokens already written reach the client first: a reset socket would
            // otherwise discard them in the client's receive buffer, and the drill is "tokens, then a dropped connection".
            await Task.Delay(DisconnectDrain, CancellationToken.None);
            http.Abort();
            return;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // the caller gave up (e.g. the timeout drill)
        }

        if (plan.ToolCall is { } call)
        {
            // A client that prefixes its function names (Semantic Kernel: "plugin-name") gets the name it offered.
            if (request.ToolNames?.FirstOrDefault(n => n.EndsWith("-" + call.Name, StringComparison.Ordinal)) is { } offered) call = call with { Name = offered };
            await WriteToolCallAsync(http, request, call, id, created, usage, ct);
            return;
        }
        if (!request.Stream)
        {
            await http.Response.WriteAsJsonAsync(new { id, @object = "chat.completion", created, model = ProviderSimulator.ModelName,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = text.ToString() }, finish_reason = finishReason } },
                usage }, Json, ct);
            return;
        }
        if (!http.Response.HasStarted) StartStream(http);
        await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model = ProviderSimulator.ModelName,
            choices = new[] { new { index = 0, delta = new { }, finish_reason = finishReason } } }, ct);
        if (request.IncludeUsage)
        {
            await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model = ProviderSimulator.ModelName,
                choices = Array.Empty<object>(), usage }, ct);
        }
        await http.Response.WriteAsync("data: [DONE]\n\n", ct);
    }

    /// <summary>
    /// A function call as OpenAI sends it: streamed, a first delta with the call's id and name, the arguments in pieces,
    /// then <c>finish_reason: "tool_calls"</c>; not streamed, one message with <c>tool_calls</c>.
    /// </summary>
    private static async Task WriteToolCallAsync(HttpContext http, SimulatorRequestReader.Request request, SimulatedToolCall call, string id,
        long created, object usage, CancellationToken ct)
    {
        const string model = ProviderSimulator.ModelName;
        if (!request.Stream)
        {
            await http.Response.WriteAsJsonAsync(new { id, @object = "chat.completion", created, model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = (string?)null,
                    tool_calls = new[] { new { id = call.Id, type = "function", function = new { name = call.Name, arguments = call.Arguments } } } },
                    finish_reason = "tool_calls" } },
                usage }, Json, ct);
            return;
        }
        if (!http.Response.HasStarted) StartStream(http);
        await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model,
            choices = new[] { new { index = 0, delta = new { role = "assistant", content = (string?)null,
                tool_calls = new[] { new { index = 0, id = call.Id, type = "function", function = new { name = call.Name, arguments = "" } } } },
                finish_reason = (string?)null } } }, ct);
        foreach (var piece in call.Arguments.Chunk(16).Select(c => new string(c)))
        {
            await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model,
                choices = new[] { new { index = 0, delta = new { tool_calls = new[] { new { index = 0, function = new { arguments = piece } } } },
                    finish_reason = (string?)null } } }, ct);
        }
        await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model,
            choices = new[] { new { index = 0, delta = new { }, finish_reason = "tool_calls" } } }, ct);
        if (request.IncludeUsage)
        {
            await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model, choices = Array.Empty<object>(), usage }, ct);
        }
        await http.Response.WriteAsync("data: [DONE]\n\n", ct);
    }

    private static void StartStream(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
    }

    private static async Task WriteChunkAsync(HttpContext http, object chunk, CancellationToken ct)
    {
        await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, Json) + "\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string type, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { message, type, code = type } }, Json);
    }
}
