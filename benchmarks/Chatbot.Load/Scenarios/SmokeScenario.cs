using Chatbot.Load.Client;
using Chatbot.Load.Metrics;

namespace Chatbot.Load.Scenarios;

/// <summary>
/// CI smoke (<c>smoke</c>): <c>GET /api/conversations</c> (authenticated, non-AI) at 200 arrivals/s for 10 s, then a
/// handful of chat turns streamed to <c>done</c>. Fails on ANY error, or if the achieved rate is
/// under 80 % of the target (<c>--min-rate-fraction</c>;
/// arrivals dropped at the in-flight cap lower the achieved rate and are reported).
/// </summary>
public sealed class SmokeScenario : IScenario
{
    public string Name => "smoke";

    public async Task<ScenarioResult> RunAsync(LoadContext context, CancellationToken ct)
    {
        var o = context.Options;
        var (rate, duration, turns) = (o.Double("rate", 200), o.Seconds("duration", 10), o.Int("turns", 5));
        var setup = new Recorder();
        var accounts = await context.AccountsAsync(o.Int("accounts", 2), setup, ct);
        await ListLoad.RunAsync(context, accounts, setup, 20, TimeSpan.FromSeconds(2), ct); // warm-up
        var result = new ScenarioResult(Name) { FailOnErrors = true, Phases = { ("setup and warm-up", setup) } };

        var list = new Recorder();
        var run = await ListLoad.RunAsync(context, accounts, list, rate, duration, ct);
        ListLoad.Describe(result, "list", run);
        result.Phases.Add(($"list conversations at {rate:0}/s", list));

        var chat = new Recorder();
        var journey = new ChatJourney(context.Api(chat), accounts, context.Message("smoke: hello", 50, 200, 20), 1, TimeSpan.Zero);
        await Task.WhenAll(Enumerable.Range(0, turns).Select(async user =>
        {
            try
            {
                await journey.RunAsync(user, () => true, ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // counted by the failing step; the goals below fail the smoke
            }
        }));
        chat.Stop();
        result.Phases.Add(($"{turns} chat turns", chat));

        result.Goals.Add(Goal.AtLeast("achieved list rate", run.AchievedRate, "/s", rate * o.Double("min-rate-fraction", 0.8)));
        result.Goals.Add(Goal.AtLeast("completed chat turns", chat[Steps.ReplyComplete].Latency.Count, "", turns));
        return result;
    }
}
