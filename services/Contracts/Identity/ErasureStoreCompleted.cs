namespace Chatbot.Contracts.Identity;

/// <summary>
/// One store's part of an erasure: <paramref name="Action"/> (<see cref="ErasureProtocol.Deleted"/> or
/// <see cref="ErasureProtocol.Pseudonymised"/>) applied to <paramref name="Count"/> rows or keys at <paramref name="At"/>.
/// Identity keeps the first report per (erasure, service, store); a redelivered one changes nothing.
/// </summary>
public sealed record ErasureStoreCompleted(Guid CorrelationId, DateTimeOffset OccurredAt, Guid ErasureId, Guid TenantId,
    string Service, string Store, string Action, long Count, DateTimeOffset At) : IMessage;
