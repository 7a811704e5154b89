using System.Net.Http.Json;
using Chatbot.Load.Client;

namespace Chatbot.Load.Sut;

/// <summary>
/// Lifts the free plan's limits in billing (<c>PUT /api/billing/plans/free</c> with every limit null = unlimited) as the
/// bootstrap platform admin, so a load run measures the pipeline rather than the quota refusing it.
/// Done with <c>--start --full</c> (a private system), and against a running system only with <c>--raise-limits</c>,
/// because it changes that system's plans (password from <c>.state/identity/bootstrap-admin-password</c>).
/// </summary>
public static class PlanLimits
{
    public static async Task<bool> LiftAsync(ChatApi api, string passwordFile, CancellationToken ct)
    {
        var password = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();
        var admin = await api.LogInAsync("admin@chatbot.local", password, ct);
        using var request = ChatApi.Request(HttpMethod.Put, "/api/billing/plans/free", admin,
            JsonContent.Create(new { userTokensPerDay = (long?)null, tenantTokensPerDay = (long?)null, requestsPerMinute = (int?)null, monthlyBudgetUsd = (decimal?)null }));
        using var response = await api.Http.SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }
}
