using System.Text.Json;
using Chatbot.Chat.Data.Entities;
using MassTransit;

namespace Chatbot.Chat.Outbox;

/// <summary>Publishes one outbox row as its contract type, with the row's message id and priority; throws on failure.</summary>
public sealed class OutboxPublisher(IBus bus)
{
    public async Task PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = OutboxEntry.ResolveType(row.MessageType)
            ?? throw new InvalidOperationException($"Unknown message type {row.MessageType}.");
        var message = JsonSerializer.Deserialize(row.Payload, type, OutboxEntry.Json)!;
        await bus.Publish(message, type, context =>
        {
            context.MessageId = row.MessageId;
            if (row.Priority is { } priority)
            {
                context.TrySetPriority(priority);
            }
        }, ct);
    }

    /// <summary>What a failed row keeps of the error (bounded like its column).</summary>
    public static string ErrorOf(Exception ex) => ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
}
