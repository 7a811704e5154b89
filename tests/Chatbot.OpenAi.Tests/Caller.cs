namespace Chatbot.OpenAi.Tests;

/// <summary>A signed-up user (tenant admin of a new tenant): a client carrying its user token, and an API key it created.</summary>
public sealed record Caller(HttpClient Client, string Token, string ApiKey, Guid UserId, Guid TenantId) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
