using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Models;
using Chatbot.Load.Sut;

namespace Chatbot.Load.Scenarios;

/// <summary>
/// Scenario 2 (<c>isolation</c>): <c>GET /api/conversations</c> at 200 RPS on an idle system, then again while 1,000
/// replies stream (1,000 closed-model users running long replies back to back). Goal: loaded p95 under 25 ms and
/// loaded/idle p95 ratio under 1.5. How many replies actually streamed during the loaded phase is reported too.
/// </summary>
public sealed class IsolationScenario : IScenario
{
    public string Name => "isolation";

    public async Task<ScenarioResult> RunAsync(LoadContext context, CancellationToken ct)
    {
        var o = context.Options;
        var (rate, duration, streams) = (o.Double("rate", 200), o.Seconds("duration", 30), o.Int("streams", 1000));
        var setup = new Recorder();
        var accounts = await context.AccountsAsync(o.Int("accounts", 10), setup, ct);
        await ListLoad.RunAsync(context, accounts, setup, rate / 4, TimeSpan.FromSeconds(3), ct); // warm-up
        var result = new ScenarioResult(Name) { Phases = { ("setup and warm-up", setup) } };

        var idle = new Recorder();
        ListLoad.Describe(result, "idle", await ListLoad.RunAsync(context, accounts, idle, rate, duration, ct));
        result.Phases.Add(($"idle: list at {rate:0}/s", idle));

        var background = new Recorder();
        var gauge = new StreamGauge();
        using var stopStreams = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Long replies (10 s at the defaults) so that each user's reply is streaming most of the time.
        var journey = new ChatJourney(context.Api(background), accounts, context.Message("isolation: stream", 100, 20, 200), int.MaxValue, TimeSpan.Zero, gauge);
        var streaming = new ClosedModel(streams, TimeSpan.FromHours(1), o.Seconds("ramp", 20), TimeSpan.Zero)
            .RunAsync((user, token) => journey.RunAsync(user, () => !stopStreams.IsCancellationRequested, token), stopStreams.Token);
        await WaitForStreamsAsync(gauge, streams, o.Seconds("open-timeout", 120), ct);
        await CpuPerTokenAsync(context, result, gauge, o.Double("sim-tps", 20), ct);

        var loaded = new Recorder();
        var samples = new List<int>();
        using var sampling = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var listRun = ListLoad.RunAsync(context, accounts, loaded, rate, duration, ct);
        while (!listRun.IsCompleted && await sampling.WaitForNextTickAsync(ct))
        {
            samples.Add(gauge.Streaming);
        }
        ListLoad.Describe(result, "loaded", await listRun);
        await stopStreams.CancelAsync();
        await streaming;
        background.Stop();
        result.Phases.Add(($"loaded: list at {rate:0}/s while replies stream", loaded));
        result.Phases.Add(("background streams", background));

        var (idleP95, loadedP95) = (idle[Steps.ListConversations].Latency.Percentile(95), loaded[Steps.ListConversations].Latency.Percentile(95));
        result.Figures["idle p95 ms"] = idleP95;
        result.Figures["loaded p95 ms"] = loadedP95;
        result.Figures["ratio loaded/idle p95"] = loadedP95 / idleP95;
        result.Figures["replies streaming during loaded phase (min)"] = samples.Count > 0 ? samples.Min() : double.NaN;
        result.Figures["replies streaming during loaded phase (mean)"] = samples.Count > 0 ? samples.Average() : double.NaN;
        if (samples.Count == 0 || samples.Average() < streams * 0.9)
        {
            result.Notes.Add($"fewer than {streams} replies were streaming during the loaded phase (the worker's concurrency or the machine limited it); the loaded figure is for the count above");
        }
        result.Goals.Add(Goal.Below("loaded list p95", loadedP95, "ms", 25));
        result.Goals.Add(Goal.Below("ratio loaded/idle p95", loadedP95 / idleP95, "", 1.5));
        result.Goals.Add(Goal.Below("list errors", idle[Steps.ListConversations].Errors + loaded[Steps.ListConversations].Errors, "", 1));
        return result;
    }

    /// <summary>
    /// Issue 25's CPU per streamed token: the CPU time chat, the worker (its in-process simulator included) and Redis use
    /// over 10 s of streaming alone (no list load), divided by the tokens the streaming replies carried meanwhile (replies
    /// streaming, sampled each second, × their tokens per second). Goal: ≤ 20 µs.
    /// </summary>
    private static async Task CpuPerTokenAsync(LoadContext context, ScenarioResult result, StreamGauge gauge, double tokensPerSecond, CancellationToken ct)
    {
        var processes = await context.System.TokenPathProcessesAsync();
        var before = processes.ToDictionary(p => p.Key, p => ProcessCpu.Seconds(p.Value));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var streaming = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            streaming.Add(gauge.Streaming);
        }
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var tokens = streaming.Average() * tokensPerSecond * seconds;
        var cpu = processes.Sum(p => ProcessCpu.Seconds(p.Value) - before[p.Key]);
        foreach (var (name, pid) in processes)
        {
            result.Figures[$"streaming alone: {name} CPU % of one core"] = 100 * (ProcessCpu.Seconds(pid) - before[name]) / seconds;
        }
        var perToken = processes.Count > 0 && tokens > 0 ? cpu / tokens * 1e6 : double.NaN;
        result.Figures["streaming alone: tokens/s (replies streaming × their rate)"] = tokens / seconds;
        result.Figures[$"CPU per streamed token µs ({string.Join(" + ", processes.Keys)})"] = perToken;
        result.Goals.Add(Goal.AtMost("CPU per streamed token", perToken, "µs", 20));
    }

    private static async Task WaitForStreamsAsync(StreamGauge gauge, int streams, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (gauge.Streaming < streams * 0.9 && DateTime.UtcNow < deadline)
        {
            Console.WriteLine($"isolation: {gauge.Open} streams open, {gauge.Streaming} streaming (waiting for {streams})");
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }
}
