using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Chatbot.TestSupport;

/// <summary>
/// Signs a user in through the public origin's password grant (the web client) and reads the user and tenant ids out
/// of the access token, for system tests that act as a real signed-in user.
/// </summary>
public static class PasswordSignIn
{
    public static async Task<SignedInToken> SignInAsync(HttpClient origin, string email, string password)
    {
        using var token = await origin.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password, ["client_id"] = "chatbot-web",
        }));
        var body = await token.Content.ReadAsStringAsync();
        if (!token.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in failed with {(int)token.StatusCode}: {body}");
        }
        var accessToken = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')))).RootElement;
        return new SignedInToken(accessToken, Guid.Parse(claims.GetProperty("sub").GetString()!), Guid.Parse(claims.GetProperty("tenant_id").GetString()!));
    }

    /// <summary>Sends <paramref name="accessToken"/> as the bearer token on every request of <paramref name="client"/>.</summary>
    public static HttpClient WithBearer(this HttpClient client, string accessToken)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
