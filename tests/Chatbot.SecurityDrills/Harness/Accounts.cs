using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.SecurityDrills.Harness;

/// <summary>Sign-up, invitation and password log-in through chat's public origin, as a client would do them.</summary>
public sealed class Accounts(Uri origin, Action<string> remember)
{
    /// <summary>Fresh per run, so the log scan can look for it.</summary>
    public static readonly string Password = $"Pw-{Guid.NewGuid():N}-9!";

    public async Task<ApiUser> SignUpAsync(string tenantName, string? invitation = null, string? email = null)
    {
        using var client = new HttpClient { BaseAddress = origin };
        email ??= $"drill-{Guid.NewGuid():N}@example.test";
        object body = invitation is null ? new { email, password = Password, tenantName } : new { email, password = Password, invitation };
        using var registered = await client.PostAsJsonAsync("/api/account/register", body);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        return await LogInAsync(email, Password);
    }

    public async Task<ApiUser> LogInAsync(string email, string password)
    {
        remember(password);
        using var client = new HttpClient { BaseAddress = origin };
        using var response = await client.PostAsync("/connect/token", TokenForm(email, password));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        remember(token);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/me")).RootElement;
        return new ApiUser(email, password, token, Guid.Parse(me.GetProperty("sub").GetString()!),
            Guid.Parse(me.GetProperty("tenantId").GetString()!));
    }

    public static FormUrlEncodedContent TokenForm(string email, string password) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "password", ["username"] = email, ["password"] = password, ["client_id"] = "chatbot-web",
    });
}
