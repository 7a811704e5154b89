using System.Diagnostics;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Outbox;
using Chatbot.TestSupport;
using MassTransit.Logging;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>A row keeps the W3C trace context it was written in, and the dispatcher publishes it in that trace (real PostgreSQL and RabbitMQ).</summary>
[Collection(ChatCollection.Name)]
public sealed class OutboxTraceTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_row_written_in_a_trace_is_published_later_by_the_dispatcher_in_that_same_trace()
    {
        using var broker = new SpanRecorder(DiagnosticHeaders.DefaultListenerName); // MassTransit's publish and consume spans
        var (row, replyId) = OutboxRows.GenerateReply(Guid.NewGuid(), Guid.NewGuid()); // written under the recorder's span
        Assert.Equal(Activity.Current!.Id, row.TraceParent);
        await using (var db = fixture.NewDbContext())
        {
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync(); // not read back: the dispatcher may publish and delete the row at once
        }

        await fixture.Worker.WaitForAsync(replyId); // published by the dispatcher, a background service outside any request

        var traceId = Activity.Current!.TraceId;
        // Other tests publish in this process too: the row's publish is the producer span in this test's trace.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(broker.Stopped.Any(s => s.Kind == ActivityKind.Producer && s.TraceId == traceId)),
            TimeSpan.FromSeconds(10)), "no publish span in the row's trace");
        var publish = broker.Stopped.First(s => s.Kind == ActivityKind.Producer && s.TraceId == traceId);
        Assert.Equal(OutboxActivities.PublishSpanName, publish.Parent?.OperationName);
    }

    [Fact]
    public void A_row_written_outside_any_trace_has_no_trace_context()
    {
        var current = Activity.Current;
        Activity.Current = null;
        try
        {
            var (row, _) = OutboxRows.GenerateReply(Guid.NewGuid(), Guid.NewGuid());
            Assert.Null(row.TraceParent);
            Assert.Null(row.TraceState);
            Assert.Null(OutboxActivities.StartPublish(row));
        }
        finally
        {
            Activity.Current = current;
        }
    }
}
