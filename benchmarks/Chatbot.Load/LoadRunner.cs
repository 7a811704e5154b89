using Chatbot.Load.Metrics;
using Chatbot.Load.Scenarios;
using Chatbot.Load.Sut;
using Chatbot.Load.Tracing;

namespace Chatbot.Load;

/// <summary>Runs the chosen scenarios against the chosen system, prints each table, writes the JSON; exit code 0 only
/// when every scenario passed its goals.</summary>
public static class LoadRunner
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken ct)
    {
        var scenarios = ScenarioCatalog.Resolve(options.String("scenario") ?? "smoke");
        ThreadPool.SetMinThreads(Math.Max(200, Environment.ProcessorCount * 50), 200);
        // --trace: the services export their spans here, and the overhead scenario splits each probe turn into hops.
        await using var traces = options.Has("trace") ? new OtlpTraceReceiver() : null;
        await using var system = await SystemUnderTest.CreateAsync(options, traces?.Endpoint);
        using var context = new LoadContext(options, system, traces);
        Console.WriteLine($"target: {system.Description}; simulator: {system.Simulator}");
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            ScenarioResult result;
            try
            {
                result = await scenario.RunAsync(context, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A scenario that could not finish fails; its figures are not invented.
                Console.Error.WriteLine($"scenario {scenario.Name} stopped: {e}");
                result = new ScenarioResult(scenario.Name) { FailOnErrors = true };
                result.Goals.Add(new Goal("scenario ran to the end", double.NaN, "", ">=", 1));
            }
            results.Add(result);
            Console.WriteLine(Report.Table(result));
        }
        if (options.String("json") is { } path)
        {
            await Report.WriteJsonAsync(path, [.. options.Arguments], system.Description, results);
            Console.WriteLine($"JSON written to {path}");
        }
        return results.All(r => r.Passed) ? 0 : 1;
    }
}
