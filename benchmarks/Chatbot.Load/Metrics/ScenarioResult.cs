namespace Chatbot.Load.Metrics;

/// <summary>What a scenario measured: its steps, named figures (e.g. "ratio") and its goals.</summary>
public sealed class ScenarioResult(string name)
{
    public string Name { get; } = name;

    /// <summary>Steps per phase, e.g. "idle" and "loaded" for the isolation scenario; one phase "run" otherwise.</summary>
    public List<(string Phase, Recorder Recorder)> Phases { get; } = [];

    public Dictionary<string, double> Figures { get; } = [];

    public List<Goal> Goals { get; } = [];

    /// <summary>Markdown tables of the scenario's own (e.g. one row per level), printed after the figures.</summary>
    public List<string> Tables { get; } = [];

    /// <summary>Notes printed with the result, e.g. how many replies were actually streaming.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>When set (smoke), any step error fails the scenario.</summary>
    public bool FailOnErrors { get; init; }

    public long TotalErrors => Phases.Sum(p => p.Recorder.Steps.Sum(s => s.Stats.Errors));

    /// <summary>Every goal met (a scenario without goals or error check never passes by default).</summary>
    public bool Passed => (Goals.Count > 0 || FailOnErrors) && Goals.All(g => g.Passed == true) && (!FailOnErrors || TotalErrors == 0);
}
