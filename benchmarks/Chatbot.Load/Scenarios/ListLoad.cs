using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Models;

namespace Chatbot.Load.Scenarios;

/// <summary><c>GET /api/conversations</c> at a fixed arrival rate (open model), spread over a few accounts.</summary>
public static class ListLoad
{
    public static async Task<OpenModelResult> RunAsync(LoadContext context, IReadOnlyList<Account> accounts, Recorder recorder,
        double rate, TimeSpan duration, CancellationToken ct)
    {
        var api = context.Api(recorder);
        var o = context.Options;
        var next = 0;
        var model = new OpenModel(rate, duration, o.Int("max-in-flight", 500), o.Milliseconds("late-ms", 50));
        var result = await model.RunAsync(token => api.ListConversationsAsync(accounts[Interlocked.Increment(ref next) % accounts.Count], token),
            o.Seconds("grace", 30), ct);
        recorder.Stop();
        return result;
    }

    /// <summary>Adds the open model's own figures (achieved rate, dropped and late arrivals) under a phase's name.</summary>
    public static void Describe(ScenarioResult result, string phase, OpenModelResult run)
    {
        result.Figures[$"{phase}: achieved rate/s"] = run.AchievedRate;
        result.Figures[$"{phase}: dropped arrivals (in-flight cap)"] = run.Dropped;
        result.Figures[$"{phase}: late starts"] = run.Late;
    }
}
