using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.TestSupport;

/// <summary>
/// The spans of one <see cref="ActivitySource"/> that belong to this recorder's trace, as they stop: the trace is the
/// recorder's own (a span started here, current in the test's flow), or one a request carries in
/// <see cref="TraceParent"/>. Other tests' and background services' spans are not recorded.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly Activity scope = new Activity(nameof(SpanRecorder)).Start();
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public SpanRecorder(string sourceName)
    {
        var traceId = scope.TraceId;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            // Sample only decides this listener's vote: a span another listener samples (a host's OpenTelemetry
            // tracer records every root span) is reported to every listener of its source, so the trace is checked here.
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>A W3C <c>traceparent</c> header value in this recorder's trace (sampled).</summary>
    public string TraceParent => $"00-{scope.TraceId}-{ActivitySpanId.CreateRandom()}-01";

    public IReadOnlyCollection<Activity> Stopped => stopped;

    public void Dispose()
    {
        listener.Dispose();
        scope.Stop();
    }
}
