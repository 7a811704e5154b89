using System.Text.Json;
using Chatbot.Contracts.Inference;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>Billing's grant caps the reply: the stream stops at it, <c>done</c> says why, and usage charges what was delivered.</summary>
[Collection(WorkerCollection.Name)]
public sealed class BudgetTruncationTests(WorkerFixture fixture)
{
    [Fact]
    public async Task A_budget_limited_reply_stops_at_the_grant_ends_with_truncated_budget_and_charges_what_was_delivered()
    {
        var limited = WorkerFixture.Request("Tell me a long story about message queues.") with { MaxOutputTokens = 5, BudgetLimited = true };
        var unlimited = WorkerFixture.Request("Tell me a long story about message queues.");

        await fixture.Bus.Publish(limited);
        await fixture.Bus.Publish(unlimited);
        var entries = await fixture.ReadStreamUntilAsync(limited.ReplyId, TimeSpan.FromSeconds(30), Done, Error);
        var normal = await fixture.ReadStreamUntilAsync(unlimited.ReplyId, TimeSpan.FromSeconds(30), Done, Error);
        var usage = await fixture.Recorder.WaitForAsync<UsageRecorded>(limited.ReplyId);

        var done = JsonDocument.Parse(entries[^1].Data).RootElement;
        Assert.Equal(Done, entries[^1].Type);
        Assert.Equal("budget", done.GetProperty("truncated").GetString());
        Assert.Equal(5, done.GetProperty("outputTokens").GetInt32());
        Assert.Equal(5, usage.OutputTokens);
        Assert.False(JsonDocument.Parse(normal[^1].Data).RootElement.TryGetProperty("truncated", out _));
    }
}
