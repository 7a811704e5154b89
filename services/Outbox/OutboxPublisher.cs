using System.Text.Json;
using MassTransit;

namespace Chatbot.Outbox;

/// <summary>Publishes one outbox row (or a message built like one) as its contract type, with its message id and priority, in the row's trace; throws on failure.</summary>
public sealed class OutboxPublisher(IBus bus)
{
    public async Task PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        using var activity = OutboxActivities.StartPublish(row); // the publish continues the trace of the request that wrote the row
        var type = OutboxEntry.ResolveType(row.MessageType)
            ?? throw new InvalidOperationException($"Unknown message type {row.MessageType}.");
        var message = JsonSerializer.Deserialize(row.Payload, type, OutboxEntry.Json)!;
        await PublishAsync(message, type, row.MessageId, row.Priority, ct);
    }

    /// <summary>Publishes <paramref name="message"/> under <paramref name="messageId"/>, with the AMQP priority if given.</summary>
    public Task PublishAsync(object message, Type type, Guid messageId, byte? priority, CancellationToken ct) =>
        bus.Publish(message, type, context =>
        {
            context.MessageId = messageId;
            if (priority is { } p)
            {
                context.TrySetPriority(p);
            }
        }, ct);

    /// <summary>What a failed row keeps of the error (bounded like its column).</summary>
    public static string ErrorOf(Exception ex) => ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
}
