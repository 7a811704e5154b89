namespace Chatbot.Identity.IntegrationTests;

public sealed record MeResponse(string Sub, string TenantId, string Role, string Tier, string AuthenticationMethod);
