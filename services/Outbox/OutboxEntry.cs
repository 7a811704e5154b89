using System.Text.Json;
using Chatbot.Contracts;

namespace Chatbot.Outbox;

/// <summary>Builds outbox rows (with the current W3C trace context); the caller adds them to the same DbContext (and transaction) as the change they announce.</summary>
public static class OutboxEntry
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage Create<T>(T message, Guid tenantId, Guid orderingKey, DateTimeOffset now, byte? priority = null)
        where T : class, IMessage => new()
    {
        MessageId = Guid.CreateVersion7(now),
        TenantId = tenantId,
        OrderingKey = orderingKey,
        MessageType = typeof(T).FullName!,
        Payload = JsonSerializer.Serialize(message, Json),
        Priority = priority,
        CreatedAt = now,
        NextAttemptAt = now,
        TraceParent = OutboxActivities.CurrentTraceParent(),
        TraceState = OutboxActivities.CurrentTraceState(),
    };

    /// <summary>The contract type named by a row; only types of the Contracts assembly can be published.</summary>
    public static Type? ResolveType(string messageType) => typeof(IMessage).Assembly.GetType(messageType);
}
