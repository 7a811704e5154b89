extern alias worker;

using Chatbot.Contracts.Inference;
using Chatbot.TestSupport;
using InferenceActivities = worker::Chatbot.InferenceWorker.Telemetry.InferenceActivities;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>The provider call's span marks the first token and then the reply's first stream entry (worker's real generator and Redis).</summary>
[Collection(WorkerCollection.Name)]
public sealed class FirstTokenTraceTests(WorkerFixture fixture)
{
    [Fact]
    public async Task The_provider_span_marks_the_first_token_and_then_the_first_stream_entry()
    {
        using var spans = new SpanRecorder(InferenceActivities.SourceName);
        var request = WorkerFixture.Request("Trace my first token.");
        var (endpoint, _) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        await fixture.GenerateDirectAsync(request, endpoint);

        var chat = Assert.Single(spans.Stopped, s => s.DisplayName.StartsWith("chat ", StringComparison.Ordinal));
        var firstToken = Assert.Single(chat.Events, e => e.Name == ReplyTraceEvents.FirstToken);
        var firstEntry = Assert.Single(chat.Events, e => e.Name == ReplyTraceEvents.FirstEntry);
        Assert.True(firstToken.Timestamp <= firstEntry.Timestamp);
    }
}
