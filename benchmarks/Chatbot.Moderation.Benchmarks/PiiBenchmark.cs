using System.Diagnostics;
using Chatbot.Moderation.Detectors.Pii;

namespace Chatbot.Moderation.Benchmarks;

/// <summary>The PII and secret detector alone (phones through libphonenumber, cards, IBAN, 60+ secret formats).</summary>
public static class PiiBenchmark
{
    public static void Run(int iterations)
    {
        foreach (var (name, text) in new[] { ("benign", Messages.Benign), ("pii", Messages.WithPii), ("numbers", Messages.Numbers), ("secrets", Messages.Secrets) })
        {
            for (var i = 0; i < 200; i++) PiiDetector.Detect(text);
            var samples = new List<double>(iterations);
            var cpuBefore = Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime;
            for (var i = 0; i < iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                PiiDetector.Detect(text);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var cpu = Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime - cpuBefore;
            Console.WriteLine($"pii stage,   2,000 chars, {name,-9}: {Percentiles.Summary(samples)}; process CPU per check {cpu.TotalMilliseconds / iterations:F3} ms (load {InputCheckBenchmark.LoadAverage()})");
        }
    }
}
