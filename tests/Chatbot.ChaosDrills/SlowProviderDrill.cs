using System.Diagnostics;
using Chatbot.ChaosDrills.Infrastructure;
using Xunit.Abstractions;

namespace Chatbot.ChaosDrills;

/// <summary>
/// Drill 6: the provider gets twice as slow (first token 200 ms instead of 100 ms, 20 tokens/s instead of 40). The
/// generate-reply queue takes the backlog, the routes that call no model keep their latency objective, and every turn
/// still gets exactly one completed reply and one ledger row.
/// The drill runs on small workers (<see cref="SlowProviderSystemFixture"/>: 2 × 4 slots, about 3.6 turns/s at the doubled
/// latency), so four steady senders outrun the provider on any machine: on the shared 2-core box the drill once failed
/// because 16 senders could push only ~9 turns/s there, far below the drill system's 512 slots plus the workers' waiting
/// rooms (1,000 each), so no backlog ever formed, while the same 16-way burst kept chat's two cores busy enough to put the
/// list route's p95 at 1.1 s: the drill measured the machine, not the slow provider.
/// </summary>
[Collection(SlowProviderCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class SlowProviderDrill(SlowProviderSystemFixture system, ITestOutputHelper output)
{
    private const int Turns = 240;
    private const int Senders = 4;

    /// <summary>The drill's objective for a route that calls no model (conversation list), p95 under load on a shared machine.</summary>
    private static readonly TimeSpan NonAiRouteSlo = TimeSpan.FromMilliseconds(500);

    // Twice the fixture's simulator latency (100 ms, 40 tokens/s) for 40 tokens: ~2.2 s a reply, so the 8 slots finish
    // ~3.6 turns/s and 240 turns take about a minute to drain after they are sent.
    private const string Doubled = "Explain latency. [[sim:latency=200;tps=20;tokens=40]]";

    [Fact]
    public async Task Doubled_provider_latency_queues_keeps_non_AI_routes_within_their_SLO_and_loses_no_turn()
    {
        var users = await TurnLoad.SignUpAsync(system, Senders + 1);
        var prober = users[^1]; // lists only: its connections never wait behind a send
        var senders = users.Take(Senders).ToList();
        var databases = new DrillDatabases(system.App);
        await using var queues = await QueueProbe.ConnectAsync((await system.App.GetConnectionStringAsync("rabbitmq"))!);
        try
        {
            var idle = await ProbeListAsync(prober, TimeSpan.FromSeconds(5), CancellationToken.None);

            using var sampling = new CancellationTokenSource();
            var peak = queues.PeakDepthAsync(QueueProbe.GenerateReply, sampling.Token);
            var underLoad = ProbeListAsync(prober, TimeSpan.FromMinutes(7), sampling.Token);
            var clock = Stopwatch.StartNew();
            var turns = await TurnLoad.SendAsync(senders, Turns, Doubled, Senders);
            var sent = clock.Elapsed;

            await ExactlyOnce.AssertEveryTurnRepliedOnceAsync(databases, turns, TimeSpan.FromMinutes(6), "provider twice as slow");
            var drained = clock.Elapsed;
            await sampling.CancelAsync();
            var loaded = await underLoad;

            output.WriteLine($"{Turns} turns from {Senders} senders sent in {sent.TotalSeconds:0.0} s, all completed once after " +
                $"{drained.TotalSeconds:0.0} s; generate-reply queue peaked at {await peak} (workers: 2 x {SlowProviderSystemFixture.Slots} slots, " +
                $"waiting room {SlowProviderSystemFixture.WaitingRoom}); list p95 idle {P95(idle):0} ms, under load {P95(loaded):0} ms " +
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
