using System.Globalization;
using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Scenarios;
using Chatbot.Load.Sut;
using Chatbot.Load.Tracing;

namespace Chatbot.Load.Overhead;

/// <summary>
/// Scenario 3 (<c>overhead</c>, formerly benchmarks/Chatbot.Benchmarks): for each level N of <c>--levels</c> (1,100),
/// N − 1 background replies stream (25 to 75 s each at <c>--stream-tps</c>, restarted when done) while one probe client
/// takes <c>--probe-turns</c> turns: the simulator straight (TTFT direct), then a turn through chat (POST, first token
/// from the POST's start: TTFT system), then a list. Added time to first token = system − direct at p50 and p95. Then N
/// clients run short turns back to back for <c>--sustained</c> seconds (0 = skip). <c>--openai</c> probes chat's
/// <c>/v1/chat/completions</c> against the simulator's own <c>/v1</c> instead, streamed and not (no sustained phase).
/// <c>--trace</c> splits each probe turn's first token into hops. Goal (issues 25, 26): added TTFT ≤ 5 ms p50 and ≤ 15 ms
/// p95 at 100 streams.
/// </summary>
public sealed class OverheadScenario : IScenario
{
    public string Name => "overhead";

    public async Task<ScenarioResult> RunAsync(LoadContext context, CancellationToken ct)
    {
        var o = context.Options;
        var levels = o.Ints("levels", [1, 100]);
        var probeTurns = o.Int("probe-turns", 500);
        var sustained = o.Seconds("sustained", 20);
        var streamTps = o.Double("stream-tps", 20);
        var messageChars = o.Has("message-chars") ? o.Int("message-chars", 0) : (int?)null;
        var setup = new Recorder();
        var result = new ScenarioResult(Name) { Phases = { ("setup", setup) } };
        var accounts = await context.AccountsAsync(o.Int("accounts", 6), setup, ct);
        var clients = accounts.Select(a => ProbeClient.For(context.System.Chat, a)).ToList();
        try
        {
            var (prober, users) = (clients[0], clients.Count > 1 ? clients.Skip(1).ToList() : clients);
            var probes = new Probes(users, prober, context.System.Simulator, context.Traces, ProbeMessages.For(messageChars));
            // Warm-up: pools, first connections, and enough calls for tiered JIT to reach optimised code on every hot path.
            await probes.SustainedTurnsPerSecondAsync(20, TimeSpan.FromSeconds(15));
            await probes.ProbeAsync(20);
            Console.WriteLine($"Background streams at {streamTps} tokens/s; probe turns: first token after 100 ms, 20 tokens at 100 tokens/s.");
            var table = o.Has("openai")
                ? await OpenAiLevelsAsync(context, clients, accounts, levels, probeTurns, streamTps, setup, result, ct)
                : await ApiLevelsAsync(context, probes, clients, accounts, levels, probeTurns, sustained, streamTps, setup, result, ct);
            result.Tables.Add(table);
            return result;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<string> ApiLevelsAsync(LoadContext context, Probes probes, List<ProbeClient> clients, IReadOnlyList<Account> accounts,
        int[] levels, int probeTurns, TimeSpan sustained, double streamTps, Recorder setup, ScenarioResult result, CancellationToken ct)
    {
        var table = new List<string>
        {
            "| streams | open | POST p50/p95/p99 ms | list p95 ms | TTFT system p50/p95 ms | TTFT direct p50/p95 ms | TTFT overhead p50/p95 ms | chat / worker RSS MB | errors | turns/s | CPU busy / steal % | load average |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var level in levels)
        {
            await RenewAsync(context, clients, accounts, setup, ct);
            var load = LoadAverage();
            ProbeResult probe;
            int open, errors;
            (double Busy, double Steal) cpu;
            await using (var background = new BackgroundStreams(probes.Users, level - 1, streamTps))
            {
                await background.OpenAsync(startsPerSecond: 100, timeout: TimeSpan.FromMinutes(2));
                open = background.Open + 1;
                var cpuBefore = CpuTimes.Read();
                probe = await probes.ProbeAsync(probeTurns);
                cpu = CpuTimes.Between(cpuBefore, CpuTimes.Read());
                errors = background.Errors;
            }
            var (chatRss, workerRss) = (ResidentMegabytes(context.System.Chat), ResidentMegabytes(context.System.Simulator));
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // cancelled replies end
            var turns = sustained > TimeSpan.Zero ? await probes.SustainedTurnsPerSecondAsync(level, sustained) : double.NaN;
            var (p50, p95) = (probe.TtftSystem.Percentile(50) - probe.TtftDirect.Percentile(50), probe.TtftSystem.Percentile(95) - probe.TtftDirect.Percentile(95));
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {level} | {open} | {probe.Post.Percentile(50):0.0} / {probe.Post.Percentile(95):0.0} / {probe.Post.Percentile(99):0.0} | " +
                $"{probe.List.Percentile(95):0.0} | {probe.TtftSystem.Percentile(50):0.0} / {probe.TtftSystem.Percentile(95):0.0} | " +
                $"{probe.TtftDirect.Percentile(50):0.0} / {probe.TtftDirect.Percentile(95):0.0} | {p50:0.0} / {p95:0.0} | " +
                $"{chatRss:0} / {workerRss:0} | {errors} | {turns:0.0} | {cpu.Busy:0} / {cpu.Steal:0.0} | {load} |"));
            result.Figures[$"{level} streams: added TTFT p50 ms"] = p50;
            result.Figures[$"{level} streams: added TTFT p95 ms"] = p95;
            result.Figures[$"{level} streams: list p95 ms"] = probe.List.Percentile(95);
            result.Figures[$"{level} streams: sustained turns/s"] = turns;
            AddGoals(result, level, p50, p95);
            if (context.Traces is { } traces)
            {
                HopBreakdown.Print(probe.Traced, traces);
            }
        }
        return string.Join('\n', table);
    }

    private static async Task<string> OpenAiLevelsAsync(LoadContext context, List<ProbeClient> clients, IReadOnlyList<Account> accounts, int[] levels,
        int probeTurns, double streamTps, Recorder setup, ScenarioResult result, CancellationToken ct)
    {
        using var simulator = new HttpClient { BaseAddress = context.System.Simulator, Timeout = TimeSpan.FromMinutes(5) };
        using var portkey = context.Options.String("portkey") is { } gateway ? PortkeyGateway.Client(new Uri(gateway), context.System.Simulator) : null;
        var probe = new OpenAiProbe(clients[0].Http, simulator, context.Traces, portkey);
        await probe.RunAsync(20); // warm-up
        var table = new List<string>
        {
            $"/v1/chat/completions vs the simulator's /v1, {probeTurns} turns per level.",
            "| streams | open | stream TTFT /v1 p50/p95 ms | direct p50/p95 ms | added p50/p95 ms | non-stream /v1 p50/p95 ms | direct p50/p95 ms | added p50 ms | errors | load average |",
            "|---|---|---|---|---|---|---|---|---|---|",
        };
        var users = clients.Count > 1 ? clients.Skip(1).ToList() : clients;
        foreach (var level in levels)
        {
            await RenewAsync(context, clients, accounts, setup, ct);
            var load = LoadAverage();
            await using var background = new BackgroundStreams(users, level - 1, streamTps);
            await background.OpenAsync(startsPerSecond: 100, timeout: TimeSpan.FromMinutes(2));
            var r = await probe.RunAsync(probeTurns);
            var (p50, p95) = (r.StreamSystem.Percentile(50) - r.StreamDirect.Percentile(50), r.StreamSystem.Percentile(95) - r.StreamDirect.Percentile(95));
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {level} | {background.Open + 1} | {r.StreamSystem.Percentile(50):0.0} / {r.StreamSystem.Percentile(95):0.0} | " +
                $"{r.StreamDirect.Percentile(50):0.0} / {r.StreamDirect.Percentile(95):0.0} | {p50:0.0} / {p95:0.0} | " +
                $"{r.CompleteSystem.Percentile(50):0.0} / {r.CompleteSystem.Percentile(95):0.0} | " +
                $"{r.CompleteDirect.Percentile(50):0.0} / {r.CompleteDirect.Percentile(95):0.0} | " +
                $"{r.CompleteSystem.Percentile(50) - r.CompleteDirect.Percentile(50):0.0} | {background.Errors} | {load} |"));
            result.Figures[$"{level} streams: /v1 added TTFT p50 ms"] = p50;
            result.Figures[$"{level} streams: /v1 added TTFT p95 ms"] = p95;
            result.Figures[$"{level} streams: /v1 non-streamed added p50 ms"] = r.CompleteSystem.Percentile(50) - r.CompleteDirect.Percentile(50);
            if (portkey is not null)
            {
                var (k50, k95) = (r.StreamPortkey.Percentile(50) - r.StreamDirect.Percentile(50), r.StreamPortkey.Percentile(95) - r.StreamDirect.Percentile(95));
                table.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {level}, through Portkey | | {r.StreamPortkey.Percentile(50):0.0} / {r.StreamPortkey.Percentile(95):0.0} | " +
                    $"{r.StreamDirect.Percentile(50):0.0} / {r.StreamDirect.Percentile(95):0.0} | {k50:0.0} / {k95:0.0} | | | | | |"));
                result.Figures[$"{level} streams: Portkey added TTFT p50 ms"] = k50;
                result.Figures[$"{level} streams: Portkey added TTFT p95 ms"] = k95;
            }
            AddGoals(result, level, p50, p95);
            if (context.Traces is { } traces)
            {
                HopBreakdown.Print(r.Traced, traces);
            }
        }
        return string.Join('\n', table);
    }

    private static void AddGoals(ScenarioResult result, int level, double p50, double p95)
    {
        if (level >= 100)
        {
            result.Goals.Add(Goal.AtMost($"{level} streams: added time to first token p50", p50, "ms", 5));
            result.Goals.Add(Goal.AtMost($"{level} streams: added time to first token p95", p95, "ms", 15));
        }
    }

    /// <summary>Fresh tokens for every client before a level (the shipped access token lives 15 minutes).</summary>
    private static async Task RenewAsync(LoadContext context, List<ProbeClient> clients, IReadOnlyList<Account> accounts, Recorder setup, CancellationToken ct)
    {
        var renewed = await context.RenewAsync(accounts, setup, ct);
        for (var i = 0; i < clients.Count; i++)
        {
            clients[i].Renew(renewed[i]);
        }
    }

    private static double ResidentMegabytes(Uri service) =>
        ProcessMemory.ResidentBytes(service.IsLoopback ? ProcessMemory.FindListener(service.Port) : null) / 1048576;

    /// <summary>The machine's 1/5/15-minute load average (<c>/proc/loadavg</c>): the machine is shared, each figure carries it.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
