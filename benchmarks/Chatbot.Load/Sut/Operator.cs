using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Load.Client;

namespace Chatbot.Load.Sut;

/// <summary>
/// What the run changes as an operator would, through the admin API as the bootstrap platform admin, never through a
/// setting: billing's plan limits lifted (<c>PUT /api/billing/plans/{tier}</c>, every limit null = unlimited; quotas
/// are still reserved and settled on every turn) and each load tenant moved to the enterprise tier
/// (<c>PUT /api/admin/tenants/{id}/tier</c>), whose request window (12,000 a minute) carries a load client's rate.
/// Used with <c>--start --full</c> or <c>--shipped</c> (a private system) and against a running system only with
/// <c>--raise-limits</c>, because it changes that system's plans (password from <c>.state/identity/bootstrap-admin-password</c>).
/// </summary>
public sealed class Operator(ChatApi api, Account admin)
{
    public const string Tier = "enterprise";
    private static readonly string[] Tiers = ["free", "pro", "enterprise"];

    public static string Changes =>
        $"changed through the admin API: billing's plans {string.Join(", ", Tiers)} lifted (PUT /api/billing/plans/{{tier}}); " +
        $"each load tenant's tier set to {Tier} (PUT /api/admin/tenants/{{id}}/tier)";

    public static async Task<Operator> LogInAsync(ChatApi api, string passwordFile, CancellationToken ct)
    {
        var password = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();
        return new Operator(api, await api.LogInAsync("admin@chatbot.local", password, ct));
    }

    /// <summary>True when every plan was lifted.</summary>
    public async Task<bool> LiftPlansAsync(CancellationToken ct)
    {
        var lifted = true;
        foreach (var tier in Tiers)
        {
            using var request = ChatApi.Request(HttpMethod.Put, $"/api/billing/plans/{tier}", admin,
                JsonContent.Create(new { userTokensPerDay = (long?)null, tenantTokensPerDay = (long?)null, requestsPerMinute = (int?)null, monthlyBudgetUsd = (decimal?)null }));
            using var response = await api.Http.SendAsync(request, ct);
            lifted &= response.IsSuccessStatusCode;
        }
        return lifted;
    }

    /// <summary>Moves the account's tenant to <see cref="Tier"/> and logs the account in again (the tier is a claim of its token).</summary>
    public async Task<Account> PromoteAsync(Account account, CancellationToken ct)
    {
        using var request = ChatApi.Request(HttpMethod.Put, $"/api/admin/tenants/{TenantOf(account.AccessToken)}/tier", admin,
            JsonContent.Create(new { tier = Tier }));
        using var response = await api.Http.SendAsync(request, ct);
        ChatApi.Expect(response, System.Net.HttpStatusCode.OK);
        return await api.LogInAsync(account.Email, ChatApi.Password, ct);
    }

    /// <summary>The <c>tenant_id</c> claim of a JWT access token (its payload, base64url JSON).</summary>
    internal static string TenantOf(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return claims.RootElement.GetProperty("tenant_id").GetString()!;
    }
}
