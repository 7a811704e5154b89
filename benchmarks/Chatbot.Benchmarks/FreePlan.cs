using System.Net.Http.Json;

namespace Chatbot.Benchmarks;

/// <summary>
/// With billing running, the free plan's limits live in billing, not in chat's configuration: lift them as an operator
/// would (<c>PUT /api/billing/plans/free</c>, every limit null = unlimited, as the bootstrap platform admin), so the run
/// measures the pipeline rather than the quota refusing it. Quotas are still reserved and settled on every turn.
/// </summary>
public static class FreePlan
{
    public static async Task LiftAsync(Uri chat, string stateDirectory)
    {
        var password = (await File.ReadAllTextAsync(Path.Combine(stateDirectory, "identity", "bootstrap-admin-password"))).Trim();
        var admin = await ChatApi.LogInAsync(chat, "admin@chatbot.local", password);
        using var response = await admin.Http.PutAsJsonAsync("/api/billing/plans/free",
            new { userTokensPerDay = (long?)null, tenantTokensPerDay = (long?)null, requestsPerMinute = (int?)null, monthlyBudgetUsd = (decimal?)null });
        await response.EnsureSuccessAsync();
        admin.Http.Dispose();
    }
}
