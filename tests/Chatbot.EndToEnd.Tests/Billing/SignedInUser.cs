namespace Chatbot.EndToEnd.Tests.Billing;

/// <summary>A user signed in through identity: a client on chat's origin carrying its token, and the ids in the token.</summary>
public sealed record SignedInUser(HttpClient Client, Guid UserId, Guid TenantId) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
