namespace Chatbot.TestSupport;

/// <summary>An access token from <see cref="PasswordSignIn"/> and the ids it carries.</summary>
public sealed record SignedInToken(string AccessToken, Guid UserId, Guid TenantId);
