namespace Chatbot.Identity.Tenants;

/// <summary>The code is shown only here, once.</summary>
public sealed record InvitationCreated(Guid Id, Guid TenantId, string Code, string Role, string? Email, DateTimeOffset ExpiresAt);
