using System.Net.Http.Headers;
using Chatbot.SecurityDrills.Harness;

namespace Chatbot.SecurityDrills.Tokens;

/// <summary>API keys (<c>X-Api-Key</c> or <c>Authorization: Bearer cbk_…</c>) at chat: only the exact, unrevoked key works.</summary>
[Collection(SecuritySystemCollection.Name)]
public sealed class ApiKeyTamperingTests(SecuritySystemFixture system)
{
    public static TheoryData<string> Tamperings =>
    [
        "last character changed", "truncated", "prefix only", "overlong", "other prefix", "upper-cased", "inner space",
        "two X-Api-Key headers",
    ];

    [Fact]
    public async Task The_exact_key_is_accepted_in_either_header()
    {
        var key = system.TenantA.ApiKeySecret;

        Assert.Equal(200, (await CallAsync(r => r.Headers.Add("X-Api-Key", key))).Status);
        Assert.Equal(200, (await CallAsync(r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key))).Status);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_key_is_401_problem_details(string tampering)
    {
        var key = system.TenantA.ApiKeySecret;
        Action<HttpRequestMessage> send = tampering switch
        {
            "last character changed" => r => r.Headers.Add("X-Api-Key", key[..^1] + (key[^1] == 'A' ? 'B' : 'A')),
            "truncated" => r => r.Headers.Add("X-Api-Key", key[..^4]),
            "prefix only" => r => r.Headers.Add("X-Api-Key", "cbk_"),
            "overlong" => r => r.Headers.Add("X-Api-Key", key + new string('x', 200)),
            "other prefix" => r => r.Headers.Add("X-Api-Key", "sk-" + key[4..]),
            "upper-cased" => r => r.Headers.Add("X-Api-Key", key.ToUpperInvariant()),
            "inner space" => r => r.Headers.TryAddWithoutValidation("X-Api-Key", key[..10] + " " + key[10..]),
            "two X-Api-Key headers" => r => r.Headers.Add("X-Api-Key", [key, key]),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
        };

        var answer = await CallAsync(send);

        Assert.True(answer.Status == 401 && answer.IsProblemDetails, $"{tampering}: {answer}");
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        using var admin = system.TenantA.Admin.Client(system.Origin);
        var created = await TenantAWorldBuilder.PostAsync(admin, "/api/tenant/api-keys", new { name = "to-revoke" });
        var key = created.GetProperty("key").GetString()!;
        system.Remember(key);
        Assert.Equal(200, (await CallAsync(r => r.Headers.Add("X-Api-Key", key))).Status);

        Assert.Equal(204, (await Answer.SendAsync(admin, "DELETE", $"/api/tenant/api-keys/{created.GetProperty("id").GetGuid()}", null)).Status);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        Answer answer;
        while ((answer = await CallAsync(r => r.Headers.Add("X-Api-Key", key))).Status != 401 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.True(answer.Status == 401 && answer.IsProblemDetails, answer.ToString());
    }

    private async Task<Answer> CallAsync(Action<HttpRequestMessage> configure)
    {
        using var client = system.Anonymous();
        return await Answer.SendAsync(client, "GET", "/api/me", null, configure);
    }
}
