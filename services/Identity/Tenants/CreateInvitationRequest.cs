namespace Chatbot.Identity.Tenants;

/// <summary><paramref name="Role"/>: member (default) or tenant-admin. <paramref name="Email"/> restricts who may use it.</summary>
public sealed record CreateInvitationRequest(string? Email = null, string? Role = null, int? ExpiresInHours = null);
