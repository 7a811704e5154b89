using System.Diagnostics;
using System.Net.Http.Json;
using Chatbot.Load.Tracing;

namespace Chatbot.Load.Overhead;

/// <summary>The measurements of issue 3: probe turns taken while N streams are open, and sustained turns per second.</summary>
public sealed class Probes(IReadOnlyList<ProbeClient> users, ProbeClient prober, Uri simulator, OtlpTraceReceiver? traces = null,
    Func<int, string>? probeMessage = null)
{
    /// <summary>The probe's and the sustained turns' simulated model, sent as a directive (no setting changes): first token
    /// after 100 ms, then 20 tokens at 100 tokens/s.</summary>
    public const string Pace = " [[sim:latency=100;tps=100;tokens=20]]";

    private readonly Func<int, string> message = probeMessage ?? ProbeMessages.For(null);

    private ProbeClient User(int i) => users[i % users.Count];

    /// <summary>The probe's user (a client and connection pool of its own).</summary>
    public ProbeClient Prober => prober;

    /// <summary>The background streams' users.</summary>
    public IReadOnlyList<ProbeClient> Users => users;

    /// <summary>
    /// One probe client, one turn at a time: the simulator straight (TTFT direct), then a turn through chat (POST
    /// latency and TTFT from the POST's start), then a list of conversations. Sequential, so the probe adds one stream.
    /// The probe is a user and a connection pool of its own, as the direct turn has its own client: a background
    /// stream never holds the connection the probe's next request needs.
    /// </summary>
    public async Task<ProbeResult> ProbeAsync(int turns)
    {
        var result = new ProbeResult();
        using var direct = new HttpClient { BaseAddress = simulator, Timeout = TimeSpan.FromMinutes(5) };
        var user = prober;
        var conversation = await user.CreateConversationAsync();
        for (var r = 0; r < turns; r++)
        {
            result.TtftDirect.Add(await DirectTurnAsync(direct));
            var traced = traces?.Watch(new TracedTurn());
            traced?.Started();
            var started = Stopwatch.GetTimestamp();
            var sent = await user.SendAsync(conversation, message(r) + Pace, traced?.NewTraceParent());
            result.Post.Add(sent.Milliseconds);
            var ttft = await user.ReadStreamAsync(sent.StreamUrl, started, traceParent: traced?.NewTraceParent());
            result.TtftSystem.Add(ttft);
            if (traced is not null)
            {
                if (!double.IsNaN(ttft)) traced.FirstTokenRead = traced.PostStarted + (ulong)(ttft * 1e6); // else not split
                result.Traced.Add(traced);
            }
            result.List.Add(await user.ListConversationsAsync());
        }
        return result;
    }

    private static async Task<double> DirectTurnAsync(HttpClient client)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = "simulator", stream = true, messages = new[] { new { role = "user", content = "time to first token" + Pace } } }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.EnsureSuccessAsync();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var firstToken = double.NaN;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (double.IsNaN(firstToken) && line.StartsWith("data: {", StringComparison.Ordinal))
            {
                firstToken = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        return firstToken;
    }

    /// <summary>Completed turns per second with N clients each running short turns (POST + stream to done) back to back.</summary>
    public async Task<double> SustainedTurnsPerSecondAsync(int concurrency, TimeSpan duration)
    {
        var completed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var conversation = await User(i).CreateConversationAsync();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = await User(i).SendAsync(conversation, "sustained" + Pace);
                await User(i).ReadStreamAsync(sent.StreamUrl, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref completed);
            }
        })));
        return completed / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
