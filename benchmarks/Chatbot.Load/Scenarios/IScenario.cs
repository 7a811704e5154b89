using Chatbot.Load.Metrics;

namespace Chatbot.Load.Scenarios;

/// <summary>A named preset (<c>--scenario name</c>) that drives load and judges the result against the goals.</summary>
public interface IScenario
{
    string Name { get; }

    Task<ScenarioResult> RunAsync(LoadContext context, CancellationToken ct);
}
