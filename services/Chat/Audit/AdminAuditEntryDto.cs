using System.Text.Json;

namespace Chatbot.Chat.Audit;

/// <summary>An entry of <c>GET /api/audit</c>: who did what to which target in which service, when, and the state before and after.</summary>
public sealed record AdminAuditEntryDto(Guid Id, Guid TenantId, Guid ActorId, string Service, string Action, string Target,
    JsonElement? Before, JsonElement? After, DateTimeOffset OccurredAt)
{
    public static AdminAuditEntryDto From(AdminAuditRow row) => new(row.Id, row.TenantId, row.ActorId, row.Service, row.Action,
        row.Target, Parse(row.Before), Parse(row.After), row.OccurredAt);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
