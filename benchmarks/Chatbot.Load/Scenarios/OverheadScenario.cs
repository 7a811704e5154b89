using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Models;

namespace Chatbot.Load.Scenarios;

/// <summary>
/// Scenario 3 (<c>overhead</c>): time to first token through the system (POST message → first <c>token</c> SSE event)
/// minus the same directly from the simulator's standalone <c>/v1/chat/completions</c>, with the same simulator
/// directive, at 1 and 100 concurrent streams (<c>--levels</c>). Goal (issue 3): p95 overhead under 15 ms at 100 streams.
/// </summary>
public sealed class OverheadScenario : IScenario
{
    public string Name => "overhead";

    public async Task<ScenarioResult> RunAsync(LoadContext context, CancellationToken ct)
    {
        var o = context.Options;
        var duration = o.Seconds("duration", 15);
        var message = context.Message("overhead: first token", 100, 100, 20);
        var setup = new Recorder();
        var accounts = await context.AccountsAsync(o.Int("accounts", 10), setup, ct);
        using var simulatorHttp = DirectSimulator.CreateHttpClient(context.System.Simulator);
        await new DirectSimulator(simulatorHttp, setup).CompleteAsync(message, ct); // warm-up, both paths
        await new ChatJourney(context.Api(setup), accounts, message, 2, TimeSpan.Zero).RunAsync(0, () => true, ct);
        var result = new ScenarioResult(Name) { Phases = { ("setup and warm-up", setup) } };

        foreach (var level in o.Ints("levels", [1, 100]))
        {
            var direct = new Recorder();
            var simulator = new DirectSimulator(simulatorHttp, direct);
            await new ClosedModel(level, duration, TimeSpan.Zero, TimeSpan.FromSeconds(30)).RunAsync((_, token) => simulator.CompleteAsync(message, token), ct);
            direct.Stop();

            var system = new Recorder();
            var journey = new ChatJourney(context.Api(system), accounts, message, 5, TimeSpan.Zero);
            var running = ClosedModel.Until(duration);
            await new ClosedModel(level, duration, TimeSpan.Zero, TimeSpan.FromSeconds(30)).RunAsync((user, token) => journey.RunAsync(user, running, token), ct);
            system.Stop();

            result.Phases.Add(($"{level} streams: direct to the simulator", direct));
            result.Phases.Add(($"{level} streams: through the system", system));
            foreach (var p in new[] { 50, 95 })
            {
                result.Figures[$"{level} streams: overhead p{p} ms"] =
                    system[Steps.FirstToken].Latency.Percentile(p) - direct[Steps.DirectFirstToken].Latency.Percentile(p);
            }
        }
        result.Goals.Add(Goal.Below("overhead p95 at 100 streams (issue 3)", result.Figures.GetValueOrDefault("100 streams: overhead p95 ms", double.NaN), "ms", 15));
        return result;
    }
}
