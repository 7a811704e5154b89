using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>What a user of the public origin (chat, port 5080 in development) does, step by step.</summary>
public sealed class ChatOrigin(HttpClient http, MailFolder mail) : IDisposable
{
    public const string ClientId = "chatbot-web";
    public HttpClient Http => http;
    public MailFolder Mail => mail;

    public static string NewEmail(string who = "user") => $"{who}-{Guid.NewGuid():N}@example.test";
    public static string NewPassword() => "pw-" + Guid.NewGuid().ToString("N")[..16];

    public Task<HttpResponseMessage> RegisterAsync(string email, string password, string? tenantName = null, string? invitation = null) =>
        http.PostAsJsonAsync("/api/account/register", new { email, password, tenantName, invitation });

    /// <summary>Signs up, follows the verification link from the mail, and signs in.</summary>
    public async Task<(string Email, string Password, TokenResponse Tokens)> SignUpAsync(string? tenantName = null, string? invitation = null)
    {
        var email = NewEmail();
        var password = NewPassword();
        using var registered = await RegisterAsync(email, password, tenantName, invitation);
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await ConfirmAsync(email);
        var tokens = await LoginAsync(email, password);
        Assert.NotNull(tokens.AccessToken);
        return (email, password, tokens);
    }

    public async Task ConfirmAsync(string email)
    {
        var link = new Uri(MailFolder.Link(await mail.WaitForMailAsync(email, "Confirm your e-mail address")));
        using var confirmed = await http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    public async Task<TokenResponse> LoginAsync(string email, string password)
    {
        using var response = await PostTokenAsync(new()
        {
            ["grant_type"] = "password", ["client_id"] = ClientId, ["username"] = email, ["password"] = password, ["scope"] = "offline_access",
        });
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    public async Task<TokenResponse> RefreshAsync(string refreshToken)
    {
        using var response = await PostTokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = ClientId, ["refresh_token"] = refreshToken,
        });
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    public Task<HttpResponseMessage> PostTokenAsync(Dictionary<string, string> form, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return http.SendAsync(request);
    }

    public async Task<MeResponse> MeAsync(string accessToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/me", accessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MeResponse>())!;
    }

    public async Task<HttpStatusCode> MeStatusAsync(string accessToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/me", accessToken);
        return response.StatusCode;
    }

    /// <summary>Polls until <paramref name="condition"/> holds (events travel through RabbitMQ and Redis).</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return await condition();
    }

    public void Dispose() => http.Dispose();
}
