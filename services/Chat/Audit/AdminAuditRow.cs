namespace Chatbot.Chat.Audit;

/// <summary>One row of <c>admin_audit_entries</c> as <see cref="AdminAuditStore"/> reads it (before/after as JSON text).</summary>
public sealed record AdminAuditRow(Guid Id, Guid TenantId, Guid ActorId, string Service, string Action, string Target,
    string? Before, string? After, DateTimeOffset OccurredAt);
