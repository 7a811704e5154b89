namespace Chatbot.Load.Metrics;

/// <summary>One step's figures as JSON, to ship them from a worker process to the coordinator.</summary>
public sealed record StepSnapshot(string Step, IReadOnlyList<long[]> Buckets, double MaxMilliseconds, IReadOnlyDictionary<string, long> Errors)
{
    public static IReadOnlyList<StepSnapshot> Of(Recorder recorder) =>
        [.. recorder.Steps.Select(s => new StepSnapshot(s.Name, s.Stats.Latency.ToSparse(), s.Stats.Latency.MaxMilliseconds,
            s.Stats.ErrorKinds.ToDictionary()))];

    public void MergeInto(Recorder recorder)
    {
        var stats = recorder[Step];
        stats.Latency.Merge(Buckets, MaxMilliseconds);
        foreach (var (kind, count) in Errors)
        {
            stats.Failures(kind, count);
        }
    }
}
