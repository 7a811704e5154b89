using System.Diagnostics;
using System.Net.Http.Json;
using Chatbot.Load.Tracing;

namespace Chatbot.Load.Overhead;

/// <summary>
/// <c>--openai</c>: the probe's turns through chat's <c>/v1/chat/completions</c> (quota, moderation when started, the
/// queue, the worker, the reply stream, billing) against the same request to the simulator's own <c>/v1</c>, one after
/// the other: streamed (time to the first content chunk) and not streamed (the whole answer). With
/// <paramref name="traces"/> (<c>--trace</c>) each streamed /v1 request carries its own <c>traceparent</c>, so its time to
/// the first chunk is split into hops (<see cref="HopBreakdown"/>). With <paramref name="portkey"/> (<c>--portkey</c>) the
/// same streamed request also goes through a Portkey gateway to the same simulator (<see cref="PortkeyGateway"/>).
/// </summary>
public sealed class OpenAiProbe(HttpClient chat, HttpClient simulator, OtlpTraceReceiver? traces = null, HttpClient? portkey = null)
{
    private const string Prompt = "time to first token" + Probes.Pace;

    public async Task<OpenAiProbeResult> RunAsync(int turns)
    {
        var result = new OpenAiProbeResult();
        for (var r = 0; r < turns; r++)
        {
            result.StreamDirect.Add(await FirstChunkAsync(simulator, "simulator"));
            if (portkey is not null)
            {
                result.StreamPortkey.Add(await FirstChunkAsync(portkey, "simulator"));
            }
            var traced = traces?.Watch(new TracedTurn());
            traced?.Started();
            var ttft = await FirstChunkAsync(chat, "default", traced?.NewTraceParent());
            result.StreamSystem.Add(ttft);
            if (traced is not null)
            {
                if (!double.IsNaN(ttft)) traced.FirstTokenRead = traced.PostStarted + (ulong)(ttft * 1e6); // else not split
                result.Traced.Add(traced);
            }
            result.CompleteDirect.Add(await CompleteAsync(simulator, "simulator"));
            result.CompleteSystem.Add(await CompleteAsync(chat, "default"));
        }
        return result;
    }

    private static async Task<double> FirstChunkAsync(HttpClient client, string model, string? traceParent = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = Request(model, stream: true);
        if (traceParent is not null) request.Headers.Add("traceparent", traceParent);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.EnsureSuccessAsync();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = double.NaN;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (double.IsNaN(first) && line.StartsWith("data: {", StringComparison.Ordinal) && line.Contains("\"content\"", StringComparison.Ordinal))
            {
                first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        return first;
    }

    private static async Task<double> CompleteAsync(HttpClient client, string model)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = Request(model, stream: false);
        using var response = await client.SendAsync(request);
        await response.EnsureSuccessAsync();
        await response.Content.ReadAsByteArrayAsync();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static HttpRequestMessage Request(string model, bool stream) => new(HttpMethod.Post, "/v1/chat/completions")
    {
        Content = JsonContent.Create(new { model, stream, messages = new[] { new { role = "user", content = Prompt } } }),
    };
}
