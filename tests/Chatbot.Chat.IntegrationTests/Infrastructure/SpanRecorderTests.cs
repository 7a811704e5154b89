using System.Diagnostics;
using Chatbot.TestSupport;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

public sealed class SpanRecorderTests
{
    [Fact]
    public void A_span_outside_the_trace_is_not_recorded_even_when_another_listener_samples_it()
    {
        using var source = new ActivitySource($"span-recorder-test-{Guid.NewGuid():N}");
        using var everything = new ActivityListener // as a host's OpenTelemetry tracer: every span sampled
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(everything);
        using var recorder = new SpanRecorder(source.Name);

        using (source.StartActivity("in the trace"))
        {
        }
        var current = Activity.Current;
        Activity.Current = null; // a background service's flow, which has no trace of the test
        try
        {
            using (source.StartActivity("background"))
            {
            }
        }
        finally
        {
            Activity.Current = current;
        }

        Assert.Equal(["in the trace"], recorder.Stopped.Select(a => a.DisplayName));
    }
}
