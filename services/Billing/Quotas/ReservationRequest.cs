namespace Chatbot.Billing.Quotas;

/// <summary>One chat turn asking for room: the reservation id is the reply id, so settle and release find it.</summary>
public sealed record ReservationRequest(Guid ReservationId, Guid TenantId, Guid UserId, string Tier, int PromptTokens, int MaxOutputTokens);
