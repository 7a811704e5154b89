using System.Net.Http.Headers;

namespace Chatbot.SecurityDrills.Harness;

/// <summary>A signed-up user with a real access token from identity.</summary>
public sealed record ApiUser(string Email, string Password, string AccessToken, Guid UserId, Guid TenantId)
{
    /// <summary>A new client on <paramref name="baseAddress"/> carrying this user's bearer token.</summary>
    public HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return client;
    }
}
