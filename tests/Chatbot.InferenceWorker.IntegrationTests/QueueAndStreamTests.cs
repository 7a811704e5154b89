using Chatbot.Contracts.Inference;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;

namespace Chatbot.InferenceWorker.IntegrationTests;

[Collection(WorkerCollection.Name)]
public sealed class QueueAndStreamTests(WorkerFixture fixture)
{
    [Fact]
    public async Task The_generate_reply_queue_is_declared_with_max_priority_3_so_higher_tiers_go_first()
    {
        var factory = new ConnectionFactory { Uri = new Uri(fixture.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();

        await using (var same = await connection.CreateChannelAsync())
        {
            // Re-declaring with identical arguments succeeds only if the worker declared exactly these.
            await same.QueueDeclareAsync("generate-reply", durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-max-priority"] = 3 });
        }
        await using var other = await connection.CreateChannelAsync();
        var mismatch = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            other.QueueDeclareAsync("generate-reply", durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-max-priority"] = 10 }));
        Assert.Contains("x-max-priority", mismatch.Message);
    }

    [Fact]
    public async Task Fast_tokens_are_coalesced_into_few_stream_entries_without_losing_text()
    {
        var request = WorkerFixture.Request("Burst [[sim:tokens=200;tps=0;latency=0]]");

        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, TimeSpan.FromSeconds(30), Done, Error);
        var generated = await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);

        var tokenEntries = entries.Count(e => e.Type == Token);
        Assert.Equal(200, generated.OutputTokens);
        Assert.InRange(tokenEntries, 1, 50);
        Assert.Equal(generated.Content, ReplyStreamReader.Text(entries));
    }
}
