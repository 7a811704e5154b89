using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Tools;
using MassTransit;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>A bus of the test itself on the real broker: publishes requests, records what the worker publishes.</summary>
public static class TestBus
{
    public static async Task<IBusControl> StartAsync(string rabbitMqUri, MessageRecorder recorder)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(rabbitMqUri));
            rabbit.ReceiveEndpoint("inference-tests-" + Guid.NewGuid().ToString("N"), e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<ReplyGenerated>(c => Record(recorder, c.Message));
                e.Handler<ReplyFailed>(c => Record(recorder, c.Message));
                e.Handler<UsageRecorded>(c => Record(recorder, c.Message));
                e.Handler<ReplyStarted>(c => Record(recorder, c.Message));
                e.Handler<ToolCallAudited>(c => Record(recorder, c.Message));
            });
        });
        await bus.StartAsync();
        return bus;
    }

    private static Task Record(MessageRecorder recorder, object message)
    {
        recorder.Add(message);
        return Task.CompletedTask;
    }
}
