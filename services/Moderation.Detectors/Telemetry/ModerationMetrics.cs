using System.Diagnostics.Metrics;

namespace Chatbot.Moderation.Detectors.Telemetry;

/// <summary>
/// Moderation metrics: verdicts by action, every stage failure ("bypass": a check that did not run; with fail-open the
/// input went through unchecked, with fail-closed it was blocked), and check duration.
/// </summary>
public sealed class ModerationMetrics
{
    public const string MeterName = "Chatbot.Moderation";
    private readonly Counter<long> verdicts;
    private readonly Counter<long> bypasses;
    private readonly Counter<long> slowStages;
    private readonly Histogram<double> duration;

    public ModerationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        verdicts = meter.CreateCounter<long>("chatbot.moderation.verdicts", description: "Moderation verdicts by action.");
        bypasses = meter.CreateCounter<long>("chatbot.moderation.bypasses",
            description: "Detection stages that failed or timed out, by stage and fail mode.");
        slowStages = meter.CreateCounter<long>("chatbot.moderation.slow_stages",
            description: "Local stages that finished after the policy's stage timeout (their findings still count), by stage.");
        duration = meter.CreateHistogram<double>("chatbot.moderation.check.duration", "ms", "Time spent in one check.");
    }

    public void Verdict(string direction, string action) =>
        verdicts.Add(1, new("direction", direction), new("action", action));

    /// <summary>Every stage's bypass series (fail mode open and closed, reason timeout and error) exported at 0 from start-up (the Prometheus way).</summary>
    public void ExportZeros(IEnumerable<string> stages)
    {
        foreach (var stage in stages)
        {
            foreach (var failMode in (string[])["open", "closed"])
            {
                foreach (var reason in (string[])["timeout", "error"])
                {
                    bypasses.Add(0, new("stage", stage), new("fail_mode", failMode), new("reason", reason));
                }
            }
        }
    }

    public void Bypass(string stage, string failMode, string reason) =>
        bypasses.Add(1, new("stage", stage), new("fail_mode", failMode), new("reason", reason));

    public void SlowStage(string stage) => slowStages.Add(1, new KeyValuePair<string, object?>("stage", stage));

    public void Duration(string direction, double milliseconds) =>
        duration.Record(milliseconds, new KeyValuePair<string, object?>("direction", direction));
}
