using Chatbot.Load.Overhead;

namespace Chatbot.Load.Scenarios;

/// <summary>The named presets of <c>--scenario</c>; <c>all</c> runs scenarios 1 to 5 in order on one system.</summary>
public static class ScenarioCatalog
{
    private static readonly Dictionary<string, Func<IScenario>> Presets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["smoke"] = () => new SmokeScenario(),
        ["chat"] = () => new ChatScenario("chat", 10),
        ["chat-100"] = () => new ChatScenario("chat-100", 100),
        ["chat-1000"] = () => new ChatScenario("chat-1000", 1000),
        ["chat-300-long"] = () => new ChatScenario("chat-300-long", 300, replyTokens: 1000),
        ["isolation"] = () => new IsolationScenario(),
        ["overhead"] = () => new OverheadScenario(),
        ["max-turns"] = () => new MaxTurnsScenario(),
        ["sse-10k"] = () => new SseScenario(),
    };

    public static readonly string[] All = ["chat-100", "chat-1000", "chat-300-long", "isolation", "overhead", "max-turns", "sse-10k"];

    public static IReadOnlyList<IScenario> Resolve(string names) =>
        [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(name => name.Equals("all", StringComparison.OrdinalIgnoreCase) ? All : [name])
            .Select(name => Presets.TryGetValue(name, out var create)
                ? create()
                : throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", Presets.Keys)}, all."))];
}
