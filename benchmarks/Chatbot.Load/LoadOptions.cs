using System.Globalization;

namespace Chatbot.Load;

/// <summary>
/// Command-line options, <c>--name value</c> or <c>--flag</c>. Scenarios read them with their own defaults, so
/// <c>--scenario chat-100 --duration 30</c> keeps the preset's 100 users but runs 30 s. Unknown names are refused.
/// </summary>
public sealed class LoadOptions
{
    public static readonly string[] Flags = ["start", "shipped", "full", "raise-limits", "trace", "openai", "help"];

    public static readonly string[] Names =
    [
        "scenario", "target", "chat-management", "simulator", "json", "users", "accounts", "duration", "ramp", "think", "turns", "rate",
        "max-in-flight", "late-ms", "sim-latency", "sim-tps", "sim-tokens", "streams", "workers", "levels", "hold",
        "worker", "grace", "min-rate-fraction", "open-timeout", "env", "apphost", "probe-turns", "sustained", "stream-tps", "message-chars",
        "portkey",
    ];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Arguments { get; private init; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions { Arguments = args };
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'; options are --name value.");
            }
            var name = args[i][2..];
            if (Flags.Contains(name))
            {
                options._values[name] = "true";
            }
            else if (Names.Contains(name))
            {
                options._values[name] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value.");
            }
            else
            {
                throw new ArgumentException($"Unknown option --{name}. Known: --{string.Join(", --", Names.Concat(Flags))}.");
            }
        }
        return options;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => (int)Double(name, fallback);

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new ArgumentException($"--{name} must be a non-negative number, not '{text}'.")
            : fallback;

    public TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(Double(name, fallback));

    public TimeSpan Milliseconds(string name, double fallback) => TimeSpan.FromMilliseconds(Double(name, fallback));

    /// <summary>A comma-separated list of numbers, e.g. <c>--levels 100,200,400</c>.</summary>
    public int[] Ints(string name, int[] fallback) =>
        _values.TryGetValue(name, out var text)
            ? [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture))]
            : fallback;

    public const string Usage = """
        dotnet run -c Release --project benchmarks/Chatbot.Load -- [--shipped | --start [--full] | --target http://localhost:5080]
            --scenario smoke|chat|chat-100|chat-1000|isolation|overhead|max-turns|sse-10k|all [--json out.json]
          system:     --shipped (the shipped defaults: all five services exactly as ./scripts/run.sh configures them)
                      --start (test settings: identity, chat, inference-worker, limits raised; --full = all five services)
                      --target URL (a running system, e.g. ./scripts/run.sh) [--simulator http://localhost:5082] [--raise-limits]
                      --env "resource:NAME=value;..." (experiments; printed) --trace (spans to this program; printed)
                      --apphost "--nice off" (the AppHost's own flags; printed)
          simulator:  --sim-latency MS (first token) --sim-tps N (0 = as fast as possible) --sim-tokens N (reply length)
                      (sent as [[sim:...]] directives, so they work against a running system too)
          closed:     --users N --accounts N --duration S --ramp S --think MS --turns N
          open:       --rate R --max-in-flight N --late-ms MS
          scenarios:  --levels 50,200,500 (max-turns; overhead: 1,100) --streams N --workers N --hold S (sse-10k)
          overhead:   --probe-turns 500 --sustained 20 (s, 0 = skip) --stream-tps 20 --message-chars N --openai --trace
                      --portkey http://127.0.0.1:8787 (with --openai: the same streamed request through a Portkey gateway
                      to the same simulator, side by side)
        """;
}
