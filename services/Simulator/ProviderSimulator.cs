using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Chatbot.Simulator;

/// <summary>
/// The engine behind both faces of the simulator (in-process <see cref="SimulatorChatCompletionService"/> and the
/// HTTP endpoint): deterministic text seeded from the request, a configurable pace, and injected faults.
/// </summary>
public sealed partial class ProviderSimulator(IOptionsMonitor<SimulatorOptions> options, IPromptTokenCounter tokenCounter)
{
    public const string ModelName = "simulator";

    private static readonly string[] Words =
    [
        "the", "answer", "depends", "on", "context", "and", "a", "careful", "reading", "of", "your", "question", "shows",
        "that", "several", "options", "exist", "first", "consider", "data", "then", "latency", "cost", "quality", "while",
        "each", "step", "should", "remain", "simple", "clear", "measurable", "for", "teams", "who", "ship", "software",
        "often", "in", "practice", "we", "recommend", "small", "changes", "tested", "early", "with", "real", "users",
    ];

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>
    /// What the request will get. <paramref name="maxTokens"/> caps a generated reply (not an echo: tests read the whole
    /// context back); <paramref name="stop"/> cuts the reply before the first stop sequence it contains, as OpenAI does.
    /// </summary>
    public SimulationPlan Plan(IReadOnlyList<SimulatedMessage> messages, int? maxTokens, string? providerName,
        IReadOnlyList<string>? stop = null)
    {
        var arrived = Stopwatch.GetTimestamp();
        var o = options.CurrentValue;
        var lastUser = messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        var directives = SimulatorDirective.Parse(lastUser)
            .Where(d => d.Provider is null || string.Equals(d.Provider, providerName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var echo = directives.Any(d => d.Echo);
        var fault = directives.Select(d => d.Fault).LastOrDefault(f => f is not null) ?? o.Fault;
        var times = directives.Select(d => d.Times).LastOrDefault(t => t is not null);
        if (fault != SimulatorFault.None && times is { } limit && Attempt(providerName, messages) > limit) fault = SimulatorFault.None;

        var tokenCount = directives.Select(d => d.Tokens).LastOrDefault(t => t is not null) ?? o.ReplyTokens;
        var cappedByMax = maxTokens is > 0 && tokenCount >= maxTokens.Value;
        if (maxTokens is > 0) tokenCount = Math.Min(tokenCount, maxTokens.Value);
        var tps = directives.Select(d => d.TokensPerSecond).LastOrDefault(t => t is not null) ?? o.TokensPerSecond;
        var latency = directives.Select(d => d.LatencyMilliseconds).LastOrDefault(t => t is not null) ?? o.FirstTokenLatencyMilliseconds;
        var retryAfter = directives.Select(d => d.RetryAfterSeconds).LastOrDefault(t => t is not null) ?? o.RetryAfterSeconds;
        var explicitAfter = directives.Select(d => d.DisconnectAfterTokens).LastOrDefault(t => t is not null);
        var disconnectAfter = explicitAfter ?? o.DisconnectAfterTokens;

        var (toolCall, toolResult) = ToolTurn(messages, directives);
        var generated = echo ? SplitPreservingText(Render(messages))
            : toolResult is not null ? SplitPreservingText("The tool answered: " + toolResult)
            : toolCall is not null ? []
            : Generate(o.Seed, lastUser, Math.Max(1, tokenCount));
        var tokens = CutAtStop(generated, stop);
        return new SimulationPlan(
            tokens,
            TimeSpan.FromMilliseconds(Math.Max(0, latency)),
            tps > 0 ? TimeSpan.FromSeconds(1 / tps) : TimeSpan.Zero,
            fault,
            TimeSpan.FromSeconds(Math.Max(0, retryAfter)),
            Math.Max(0, disconnectAfter),
            tokenCounter.CountMessages(messages.Select(m => m.Content)),
            arrived,
            (fault is SimulatorFault.RateLimited or SimulatorFault.ServerError) && explicitAfter is > 0 ? explicitAfter : null,
            ReachedMaxTokens: !echo && toolCall is null && toolResult is null && cappedByMax && ReferenceEquals(tokens, generated),
            ToolCall: toolCall);
    }

    /// <summary>
    /// Function calling: after the last user message, a tool result (role <c>tool</c>) is answered in text, unless it carries
    /// a <c>tool=</c> directive itself: then the simulator obeys it, as a gullible model obeys an injection in a tool's
    /// output (at most <see cref="MaxToolRounds"/> calls a turn). Without a result yet, a <c>tool=</c> directive of the user
    /// message is answered with that call.
    /// </summary>
    private static (SimulatedToolCall? Call, string? Result) ToolTurn(IReadOnlyList<SimulatedMessage> messages,
        IReadOnlyList<SimulatorDirective> directives)
    {
        var lastUser = -1;
        for (var i = 0; i < messages.Count; i++) if (messages[i].Role == "user") lastUser = i;
        var results = messages.Skip(lastUser + 1).Where(m => m.Role == "tool").ToList();
        if (results.Count == 0)
        {
            return (directives.LastOrDefault(d => d.Tool is not null) is { } asked ? Call(asked, 0) : null, null);
        }
        var latest = results[^1].Content;
        return results.Count < MaxToolRounds && SimulatorDirective.Parse(latest).LastOrDefault(d => d.Tool is not null) is { } injected
            ? (Call(injected, results.Count), null)
            : (null, latest);
    }

    private const int MaxToolRounds = 4;

    private static SimulatedToolCall Call(SimulatorDirective d, int round) =>
        new($"call_sim{round}_{StableHash(d.Tool + d.ToolArguments):x8}", d.Tool!, string.IsNullOrEmpty(d.ToolArguments) ? "{}" : d.ToolArguments);

    /// <summary>Streams the plan's tokens at its pace; throws <see cref="SimulatedFailureException"/> for injected faults.</summary>
    public async IAsyncEnumerable<string> StreamAsync(SimulationPlan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        switch (plan.FaultAfterTokens is null ? plan.Fault : SimulatorFault.None)
        {
            case SimulatorFault.RateLimited:
                throw new SimulatedFailureException("Simulated rate limit (429).", 429, plan.RetryAfter);
            case SimulatorFault.ServerError:
                throw new SimulatedFailureException("Simulated server error (500).", 500);
            case SimulatorFault.Timeout:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }
        var untilFirstToken = plan.FirstTokenLatency - Stopwatch.GetElapsedTime(plan.ArrivedAt);
        if (untilFirstToken > TimeSpan.Zero) await Task.Delay(untilFirstToken, cancellationToken);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < plan.Tokens.Count; i++)
        {
            if (plan.Fault == SimulatorFault.Disconnect && i == plan.DisconnectAfterTokens)
            {
                throw new SimulatedFailureException("Simulated disconnect in the middle of the stream.", statusCode: null, isConnectionFailure: true);
            }
            if (i == plan.FaultAfterTokens)
            {
                throw plan.Fault == SimulatorFault.RateLimited
                    ? new SimulatedFailureException($"Simulated rate limit (429) after {i} tokens.", 429, plan.RetryAfter)
                    : new SimulatedFailureException($"Simulated server error (500) after {i} tokens.", 500);
            }
            var due = plan.TokenInterval * i - clock.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1)) await Task.Delay(due, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            yield return plan.Tokens[i];
        }
    }

    /// <summary>The tokens up to (not including) the earliest stop sequence in their text; the same list when none occurs.</summary>
    public static List<string> CutAtStop(List<string> tokens, IReadOnlyList<string>? stop)
    {
        if (stop is not { Count: > 0 })
        {
            return tokens;
        }
        var text = string.Concat(tokens);
        var cut = stop.Where(s => s.Length > 0).Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0)
            .DefaultIfEmpty(-1).Min();
        if (cut < 0)
        {
            return tokens;
        }
        var kept = new List<string>();
        var length = 0;
        foreach (var token in tokens)
        {
            if (length + token.Length > cut)
            {
                if (cut > length) kept.Add(token[..(cut - length)]);
                break;
            }
            kept.Add(token);
            length += token.Length;
        }
        return kept;
    }

    public static string Render(IEnumerable<SimulatedMessage> messages) =>
        string.Join("\n", messages.Select(m => $"{m.Role}: {m.Content}"));

    private int Attempt(string? providerName, IReadOnlyList<SimulatedMessage> messages)
    {
        var key = $"{providerName}|{StableHash(Render(messages))}";
        return _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    private static List<string> Generate(int seed, string prompt, int count)
    {
        var random = new Random(unchecked(seed * 31 + (int)StableHash(prompt)));
        var tokens = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var word = Words[random.Next(Words.Length)];
            if (i == 0) word = char.ToUpperInvariant(word[0]) + word[1..];
            tokens.Add(i == 0 ? word : " " + word);
        }
        tokens[^1] += ".";
        return tokens;
    }

    private static List<string> SplitPreservingText(string text) =>
        text.Length == 0 ? [""] : [.. PiecePattern().Matches(text).Select(m => m.Value)];

    /// <summary>FNV-1a: the same on every machine and run, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    [GeneratedRegex(@"\s*\S+|\s+$")]
    private static partial Regex PiecePattern();
}
