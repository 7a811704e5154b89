using System.Text.Json;
using Chatbot.Contracts;
using Chatbot.Identity.Data;

namespace Chatbot.Identity.Outbox;

/// <summary>Adds an event to the current unit of work; it is published after the transaction commits.</summary>
public sealed class Outbox(IdentityDbContext db, OutboxSignal signal, TimeProvider time)
{
    public void Add<T>(T message) where T : class, IMessage =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = OutboxMessageTypes.NameOf(typeof(T)),
            Payload = JsonSerializer.Serialize(message),
            CreatedAt = time.GetUtcNow(),
        });

    /// <summary>Wakes the dispatcher now instead of at its next poll; call after commit.</summary>
    public void Flush() => signal.Notify();
}
