namespace Chatbot.Identity.Accounts;

public sealed record RegisterRequest(string Email, string Password, string? TenantName = null, string? Invitation = null);
