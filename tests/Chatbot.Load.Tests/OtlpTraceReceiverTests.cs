using System.Diagnostics;
using Chatbot.Load.Tracing;
using Chatbot.Contracts.Inference;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Chatbot.Load.Tests;

/// <summary>The receiver behind the benchmark's <c>--trace</c>, fed by the OpenTelemetry SDK's own OTLP/HTTP protobuf exporter.</summary>
public sealed class OtlpTraceReceiverTests : IAsyncLifetime
{
    private const string Scope = "Chatbot.Load.Tests";
    private readonly ActivitySource source = new(Scope);
    private readonly OtlpTraceReceiver receiver = new();
    private TracerProvider tracing = null!;

    public Task InitializeAsync()
    {
        tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("chat"))
            .AddSource(Scope)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(receiver.Endpoint, "v1/traces");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build();
        return Task.CompletedTask;
    }

    [Fact]
    public void A_watched_turns_span_arrives_with_its_service_scope_name_kind_times_and_events()
    {
        var turn = receiver.Watch(new TracedTurn());
        DateTime started, marked, ended;
        using (var activity = source.StartActivity("GenerateReply publish", ActivityKind.Producer, ActivityContext.Parse(turn.NewTraceParent(), null))!)
        {
            started = activity.StartTimeUtc;
            marked = DateTime.UtcNow;
            activity.AddEvent(new ActivityEvent(ReplyTraceEvents.FirstToken, marked));
            activity.AddEvent(new ActivityEvent(ReplyTraceEvents.FirstToken, marked.AddSeconds(1))); // only the first counts
            activity.Stop();
            ended = activity.StartTimeUtc + activity.Duration;
        }
        Assert.True(tracing.ForceFlush());

        var span = Assert.Single(receiver.Spans(turn.TraceId));
        Assert.Equal((turn.TraceId, "chat", Scope, "GenerateReply publish", TraceSpan.Producer),
            (span.TraceId, span.Service, span.Scope, span.Name, span.Kind));
        Assert.Equal(TracedTurn.UnixNanoseconds(started), span.Start);
        Assert.Equal(TracedTurn.UnixNanoseconds(ended), span.End);
        Assert.Equal(TracedTurn.UnixNanoseconds(marked), Assert.Single(span.Events, e => e.Key == ReplyTraceEvents.FirstToken).Value);
    }

    [Fact]
    public void Spans_of_traces_nobody_watches_are_dropped()
    {
        var watched = receiver.Watch(new TracedTurn());
        var other = new TracedTurn();
        source.StartActivity("other", ActivityKind.Consumer, ActivityContext.Parse(other.NewTraceParent(), null))!.Dispose();
        source.StartActivity("watched", ActivityKind.Consumer, ActivityContext.Parse(watched.NewTraceParent(), null))!.Dispose();
        Assert.True(tracing.ForceFlush());

        Assert.Empty(receiver.Spans(other.TraceId));
        Assert.Equal("watched", Assert.Single(receiver.Spans(watched.TraceId)).Name);
    }

    public async Task DisposeAsync()
    {
        tracing.Dispose();
        source.Dispose();
        await receiver.DisposeAsync();
    }
}
