using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Models;

namespace Chatbot.Load.Scenarios;

/// <summary>
/// Scenario 4 (<c>max-turns</c>): completed turns per second (POST + stream to <c>done</c>) with a zero-latency
/// simulator (no first-token delay, tokens as fast as possible, 20 tokens), at several closed-model concurrency levels
/// (<c>--levels</c>); the best level's rate is the figure. Goal: 1,000 completed turns/s on the 2-core machine.
/// </summary>
public sealed class MaxTurnsScenario : IScenario
{
    public string Name => "max-turns";

    public async Task<ScenarioResult> RunAsync(LoadContext context, CancellationToken ct)
    {
        var o = context.Options;
        var duration = o.Seconds("duration", 20);
        var message = context.Message("max turns", 0, 0, 20);
        var setup = new Recorder();
        var accounts = await context.AccountsAsync(o.Int("accounts", 10), setup, ct);
        var result = new ScenarioResult(Name) { Phases = { ("setup", setup) } };
        var best = double.NaN;
        foreach (var level in o.Ints("levels", [50, 200, 500]))
        {
            var run = new Recorder();
            // A new conversation every 10 turns keeps the context window (history read per POST) realistic.
            var journey = new ChatJourney(context.Api(run), accounts, message, 10, TimeSpan.Zero);
            var running = ClosedModel.Until(duration);
            await new ClosedModel(level, duration, TimeSpan.Zero, TimeSpan.FromSeconds(30)).RunAsync((user, token) => journey.RunAsync(user, running, token), ct);
            run.Stop();
            var rate = run[Steps.ReplyComplete].Latency.Count / run.Seconds;
            result.Phases.Add(($"{level} users, no think time", run));
            result.Figures[$"{level} users: completed turns/s"] = rate;
            best = double.IsNaN(best) ? rate : Math.Max(best, rate);
        }
        result.Figures["max sustained completed turns/s"] = best;
        result.Goals.Add(Goal.AtLeast("max sustained completed turns/s", best, "turns/s", 1000));
        return result;
    }
}
