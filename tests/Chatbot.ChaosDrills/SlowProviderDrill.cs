using System.Diagnostics;
using Chatbot.ChaosDrills.Infrastructure;
using Xunit.Abstractions;

namespace Chatbot.ChaosDrills;

/// <summary>
/// Drill 6: the provider gets twice as slow (first token 200 ms instead of 100 ms, 20 tokens/s instead of 40). The
/// generate-reply queue takes the backlog, the routes that call no model keep their latency objective, and every turn
/// still gets exactly one completed reply and one ledger row.
/// </summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class SlowProviderDrill(DrillSystemFixture system, ITestOutputHelper output)
{
    private const int Turns = 600;

    /// <summary>The drill's objective for a route that calls no model (conversation list), p95 under load on a shared machine.</summary>
    private static readonly TimeSpan NonAiRouteSlo = TimeSpan.FromMilliseconds(500);

    // Twice the fixture's simulator latency (100 ms, 40 tokens/s) for 40 tokens: ~2.2 s a reply, so 600 turns outrun the
    // two workers' 512 slots and the rest wait in the queue.
    private const string Doubled = "Explain latency. [[sim:latency=200;tps=20;tokens=40]]";

    [Fact]
    public async Task Doubled_provider_latency_queues_keeps_non_AI_routes_within_their_SLO_and_loses_no_turn()
    {
        var users = await TurnLoad.SignUpAsync(system, 5);
        var prober = users[0];
        var databases = new DrillDatabases(system.App);
        await using var queues = await QueueProbe.ConnectAsync((await system.App.GetConnectionStringAsync("rabbitmq"))!);
        try
        {
            var idle = await ProbeListAsync(prober, TimeSpan.FromSeconds(5), CancellationToken.None);

            using var sampling = new CancellationTokenSource();
            var peak = queues.PeakDepthAsync(QueueProbe.GenerateReply, sampling.Token);
            var underLoad = ProbeListAsync(prober, TimeSpan.FromMinutes(5), sampling.Token);
            var clock = Stopwatch.StartNew();
            var turns = await TurnLoad.SendAsync(users, Turns, Doubled);
            var sent = clock.Elapsed;

            await ExactlyOnce.AssertEveryTurnRepliedOnceAsync(databases, turns, TimeSpan.FromMinutes(6), "provider twice as slow");
            var drained = clock.Elapsed;
            await sampling.CancelAsync();
            var loaded = await underLoad;

            output.WriteLine($"{Turns} turns sent in {sent.TotalSeconds:0.0} s, all completed once after {drained.TotalSeconds:0.0} s; " +
                $"generate-reply queue peaked at {await peak}; list p95 idle {P95(idle):0} ms, under load {P95(loaded):0} ms " +
                $"({loaded.Count} probes, max {loaded.Max():0} ms)");
            Assert.Equal(Turns, turns.Count);
            Assert.True(await peak > 0, "the generate-reply queue never held a waiting request: the slow provider did not back up");
            Assert.Equal(0u, await queues.DepthAsync(QueueProbe.GenerateReply));
            Assert.Equal(0u, await queues.DepthAsync(QueueProbe.GenerateReply + "_error"));
            Assert.True(loaded.Count >= 20, $"only {loaded.Count} list probes ran during the load");
            Assert.True(P95(loaded) < NonAiRouteSlo.TotalMilliseconds,
                $"GET /api/conversations p95 {P95(loaded):0} ms under load (idle {P95(idle):0} ms), objective {NonAiRouteSlo.TotalMilliseconds} ms");
        }
        finally
        {
            users.ForEach(u => u.Dispose());
        }
    }

    /// <summary>Lists conversations every 100 ms until <paramref name="stop"/> or <paramref name="duration"/>; the latencies in ms.</summary>
    private static async Task<List<double>> ProbeListAsync(ChatUser user, TimeSpan duration, CancellationToken stop)
    {
        var latencies = new List<double>();
        var until = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested && until.Elapsed < duration)
        {
            var clock = Stopwatch.StartNew();
            using (var response = await user.Client.GetAsync("/api/conversations?limit=20", CancellationToken.None))
            {
                response.EnsureSuccessStatusCode();
            }
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return latencies;
    }

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);
}
