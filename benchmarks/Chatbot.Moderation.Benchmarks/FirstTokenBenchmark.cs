using System.Diagnostics;
using Chatbot.Moderation.Detectors.Leaks;
using Chatbot.Moderation.Detectors.Output;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Benchmarks;

/// <summary>
/// What the output guard adds to time to first token at one stream: tokens arrive every 1/tps seconds; the first
/// visible character leaves when the guard first releases text, so the delay is (tokens held before that) × interval
/// plus the guard's own CPU time up to that push (measured). "fixed 32" is the former guard's rule (the last 32
/// characters always held); the others are the automaton guard without a tenant policy (leaks only), with the default
/// policy (personal data masked) and with personal data masked plus a 50-term list.
/// </summary>
public static class FirstTokenBenchmark
{
    public static void Run(int rounds)
    {
        var terms = new OutputTermList("harmful", ModerationAction.Block, [.. Enumerable.Range(0, 50).Select(i => $"forbidden phrase {i}")]);
        (string Name, Func<string, OutputGuard> New)[] guards =
        [
            ("fixed 32 (before)", canary => new OutputGuard(canary, Replies.SystemPrompt, holdBackChars: 32)),
            ("automaton, leaks only", canary => new OutputGuard(canary, Replies.SystemPrompt)),
            ("automaton, PII masked (default policy)", canary => new OutputGuard(canary, Replies.SystemPrompt, new OutputPolicy(ModerationAction.Mask, []))),
            ("automaton, PII masked + 50 terms", canary => new OutputGuard(canary, Replies.SystemPrompt, new OutputPolicy(ModerationAction.Mask, [terms]))),
        ];
        foreach (var (name, newGuard) in guards)
        {
            var held = new List<double>();
            var cpu = new List<double>();
            var perToken = new List<double>();
            var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
            var tokenCount = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var reply in Replies.All)
                {
                    var (heldTokens, firstMs, tokenUs) = Stream(newGuard(CanaryToken.New()), Replies.Tokens(reply));
                    if (round == 0) held.Add(heldTokens);
                    tokenCount += Replies.Tokens(reply).Count;
                    cpu.Add(firstMs);
                    perToken.Add(tokenUs);
                }
            }
            var cpuPerToken = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalMicroseconds / tokenCount;
            foreach (var tps in new[] { 100, 50 })
            {
                var added = held.Select(h => h * 1000.0 / tps + cpu.Average()).ToList();
                Console.WriteLine($"first token, {name}, {tps} tok/s: added {Percentiles.Summary(added)}");
            }
            Console.WriteLine($"  tokens held before the first release: {string.Join(' ', held)}; guard CPU to first release {Percentiles.Summary(cpu)}; per token wall (µs) {Percentiles.Summary(perToken).Replace(" ms", string.Empty, StringComparison.Ordinal)}; process CPU per token {cpuPerToken:F2} µs");
        }
    }

    private static (int HeldTokens, double FirstMs, double TokenUs) Stream(OutputGuard guard, List<string> tokens)
    {
        var started = Stopwatch.GetTimestamp();
        var firstMs = -1.0;
        var heldTokens = tokens.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (guard.Push(tokens[i]).Release.Length > 0 && firstMs < 0)
            {
                firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                heldTokens = i;
            }
        }
        guard.Complete();
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (heldTokens, firstMs < 0 ? total : firstMs, total * 1000 / tokens.Count);
    }
}
