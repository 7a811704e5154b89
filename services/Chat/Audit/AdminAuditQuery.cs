using Chatbot.ServiceDefaults.Paging;

namespace Chatbot.Chat.Audit;

/// <summary>The filters of <c>GET /api/audit</c>, checked: a tenant (null: every tenant, platform admins only), actor, action, time window, page.</summary>
public sealed record AdminAuditQuery(Guid? TenantId, Guid? ActorId, string? Action, DateTimeOffset? From, DateTimeOffset? To,
    KeysetCursor? After, int Limit);
