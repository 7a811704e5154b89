using Chatbot.Contracts.Inference;
using MassTransit;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// Moderation writes a passed request's output context (canary, placeholder mapping) to Redis alongside its publish,
/// without waiting, so the context may land just after the message: a moderated request waits briefly for it, and
/// fails closed without it. The worker's real generator, simulator and Redis; the broker is replaced by a recorder.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class ModeratedContextTests(WorkerFixture fixture)
{
    [Fact]
    public async Task A_context_that_lands_after_the_message_is_still_used_to_restore_placeholders()
    {
        var request = WorkerFixture.ModeratedRequest("Write to <EMAIL_1> today. [[sim:echo]]");
        var (endpoint, _) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        var generating = fixture.GenerateDirectAsync(request, endpoint);
        await Task.Delay(100);
        await fixture.WriteOutputContextAsync(request.ReplyId, placeholders: new() { ["<EMAIL_1>"] = "ann@example.com" });
        await generating;

        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, TimeSpan.FromSeconds(30), Done);
        var text = ReplyStreamReader.Text(entries);
        Assert.Contains("ann@example.com", text);
        Assert.DoesNotContain("<EMAIL_1>", text);
    }

    [Fact]
    public async Task A_context_that_never_arrives_fails_the_reply_closed_before_any_token()
    {
        var request = WorkerFixture.ModeratedRequest("Hello there.");
        var (endpoint, recorder) = StreamAwarePublisher.Create(fixture.Redis, request.ReplyId);

        await fixture.GenerateDirectAsync(request, endpoint);

        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, TimeSpan.FromSeconds(30), Error);
        Assert.DoesNotContain(entries, e => e.Type == Token);
        Assert.Contains(ReplyFailureCodes.ModerationUnavailable, entries[^1].Data);
        var failed = (ReplyFailed)Assert.Single(recorder.Published, p => p.Message is ReplyFailed).Message;
        Assert.Equal(ReplyFailureCodes.ModerationUnavailable, failed.Code);
    }
}
