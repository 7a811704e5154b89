using System.Globalization;
using System.Text.RegularExpressions;

namespace Chatbot.Simulator;

/// <summary>
/// A drill instruction inside the last user message, e.g. <c>[[sim:fail=429;times=1]]</c>, <c>[[sim:echo]]</c>,
/// <c>[[sim:fail=500;provider=primary]]</c>, <c>[[sim:tokens=200;tps=500;latency=0]]</c>.
/// Keys: fail (429|500|timeout|disconnect), times (fail only the first N identical requests), provider (applies only to
/// the provider of that name), echo, tokens, tps, latency (ms), retry-after (s), after (tokens before a disconnect; with fail=429/500, the
/// error comes after that many tokens, mid-stream), tool and args (<c>[[sim:tool=lookup;args={"id":"42"}]]</c>: answer with a
/// call of that tool, OpenAI-style, instead of text; the arguments JSON must not contain ';' or ']').
/// </summary>
public sealed partial record SimulatorDirective
{
    public SimulatorFault? Fault { get; init; }
    public int? Times { get; init; }
    public string? Provider { get; init; }
    public bool Echo { get; init; }
    public int? Tokens { get; init; }
    public double? TokensPerSecond { get; init; }
    public int? LatencyMilliseconds { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public int? DisconnectAfterTokens { get; init; }
    public string? Tool { get; init; }
    public string? ToolArguments { get; init; }

    public static IReadOnlyList<SimulatorDirective> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("[[sim:", StringComparison.Ordinal)) return [];
        return [.. DirectivePattern().Matches(text).Select(m => ParseOne(m.Groups[1].Value))];
    }

    private static SimulatorDirective ParseOne(string body)
    {
        var d = new SimulatorDirective();
        foreach (var part in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var value = kv.Length > 1 ? kv[1] : "";
            d = kv[0].ToLowerInvariant() switch
            {
                "fail" => d with { Fault = ParseFault(value) },
                "times" => d with { Times = ParseInt(value) },
                "provider" => d with { Provider = value },
                "echo" => d with { Echo = true },
                "tokens" => d with { Tokens = ParseInt(value) },
                "tps" => d with { TokensPerSecond = double.TryParse(value, CultureInfo.InvariantCulture, out var t) ? t : null },
                "latency" => d with { LatencyMilliseconds = ParseInt(value) },
                "retry-after" => d with { RetryAfterSeconds = ParseInt(value) },
                "after" => d with { DisconnectAfterTokens = ParseInt(value) },
                "tool" => d with { Tool = value },
                "args" => d with { ToolArguments = value },
                _ => d,
            };
        }
        return d;
    }

    private static SimulatorFault? ParseFault(string value) => value.ToLowerInvariant() switch
    {
        "429" or "ratelimited" => SimulatorFault.RateLimited,
        "500" or "servererror" => SimulatorFault.ServerError,
        "timeout" => SimulatorFault.Timeout,
        "disconnect" => SimulatorFault.Disconnect,
        _ => null,
    };

    private static int? ParseInt(string value) => int.TryParse(value, CultureInfo.InvariantCulture, out var i) ? i : null;

    [GeneratedRegex(@"\[\[sim:([^\]]*)\]\]")]
    private static partial Regex DirectivePattern();
}
