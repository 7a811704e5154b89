namespace Chatbot.Load.Scenarios;

/// <summary>The named presets of <c>--scenario</c>; <c>all</c> runs scenarios 1, 2, 4 and 5 in order on one system.</summary>
public static class ScenarioCatalog
{
    private static readonly Dictionary<string, Func<IScenario>> Presets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["smoke"] = () => new SmokeScenario(),
        ["chat"] = () => new ChatScenario("chat", 10),
        ["chat-100"] = () => new ChatScenario("chat-100", 100),
        ["chat-1000"] = () => new ChatScenario("chat-1000", 1000),
        ["isolation"] = () => new IsolationScenario(),
        ["max-turns"] = () => new MaxTurnsScenario(),
        ["sse-10k"] = () => new SseScenario(),
    };

    // Scenario 3 (pipeline overhead) is issue 3's chat-turn benchmark, benchmarks/Chatbot.Benchmarks (scripts/load.sh overhead).
    public static readonly string[] All = ["chat-100", "chat-1000", "isolation", "max-turns", "sse-10k"];

    public static IReadOnlyList<IScenario> Resolve(string names) =>
        [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(name => name.Equals("all", StringComparison.OrdinalIgnoreCase) ? All : [name])
            .Select(name => Presets.TryGetValue(name, out var create)
                ? create()
                : throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", Presets.Keys)}, all."))];
}
