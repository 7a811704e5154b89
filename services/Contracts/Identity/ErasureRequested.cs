namespace Chatbot.Contracts.Identity;

/// <summary>
/// Identity has started erasure <paramref name="ErasureId"/>: every service removes or pseudonymises what it holds of
/// <paramref name="UserIds"/> in <paramref name="TenantId"/> (of the whole tenant when <paramref name="WholeTenant"/>)
/// and answers one <see cref="ErasureStoreCompleted"/> per store of <see cref="ErasureProtocol.ExpectedStores"/>.
/// </summary>
public sealed record ErasureRequested(Guid CorrelationId, DateTimeOffset OccurredAt, Guid ErasureId, Guid TenantId,
    IReadOnlyList<Guid> UserIds, bool WholeTenant) : IMessage;
