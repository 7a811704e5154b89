using System.Diagnostics;
using System.Diagnostics.Metrics;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Injection;
using Chatbot.Moderation.Detectors.Pii;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Detectors.Telemetry;

namespace Chatbot.Moderation.Benchmarks;

/// <summary>The whole input check (normalise, injection rules + classifier, PII/secrets, term lists, masking).</summary>
public static class InputCheckBenchmark
{
    public static void Run(int iterations)
    {
        using var classifier = new InjectionClassifier();
        var moderator = new InputModerator([new InjectionStage(classifier), new PiiStage(), new TermListStage()],
            new ModerationMetrics(new NoMeters()));
        var policy = new ModerationPolicy { BlockedTerms = new() { ["weapons"] = ["pipe bomb", "nerve agent"] } };
        foreach (var (name, text) in new[] { ("benign", Messages.Benign), ("pii", Messages.WithPii), ("numbers", Messages.Numbers), ("secrets", Messages.Secrets), ("pasted", Messages.PastedEmail), ("injection", Messages.Injection) })
        {
            for (var i = 0; i < 200; i++) moderator.Check(text, policy);
            var samples = new List<double>(iterations);
            var cpuBefore = Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime;
            for (var i = 0; i < iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                moderator.Check(text, policy);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var cpu = Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime - cpuBefore;
            Console.WriteLine($"input check, 2,000 chars, {name,-9}: {Percentiles.Summary(samples)}; process CPU per check {cpu.TotalMilliseconds / iterations:F3} ms (load {LoadAverage()})");
        }
    }

    /// <summary>The 1-minute load average (Linux), printed because other processes inflate wall-clock tails.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private sealed class NoMeters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options.Name);

        public void Dispose() { }
    }
}
