using System.Globalization;
using System.Text;
using Chatbot.Billing.Data;
using Chatbot.Billing.Limits;
using Chatbot.Billing.Quotas;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Api;

/// <summary><c>/api/usage</c>: the caller's usage and what is left; per-user usage and the monthly CSV for tenant admins.</summary>
public static class UsageApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/usage").WithTags("Usage");
        api.MapGet("/", GetAsync).RequireAuthorization(AuthorizationPolicies.Member);
        api.MapGet("/users", ListUsersAsync).RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapGet("/export", ExportAsync).RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        return app;
    }

    public static async Task<Ok<UsageSummary>> GetAsync(CurrentUser user, BillingDbContext db, LimitResolver limits,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (dayStart, monthStart) = (QuotaPeriods.DayStart(now), QuotaPeriods.MonthStart(now));
        var mine = db.UsageEntries.AsNoTracking().Where(u => u.TenantId == user.TenantId && u.UserId == user.UserId);
        var today = await mine.Where(u => u.OccurredAt >= dayStart)
            .GroupBy(_ => 1).Select(g => new
            {
                Tokens = g.Sum(u => (long)u.InputTokens + u.OutputTokens), Cost = g.Sum(u => u.Cost),
                Cached = g.Count(u => u.Cached), Saved = g.Sum(u => u.SavedCost),
            })
            .FirstOrDefaultAsync(ct);
        var month = await mine.Where(u => u.OccurredAt >= monthStart)
            .GroupBy(_ => 1).Select(g => new
            {
                Tokens = g.Sum(u => (long)u.InputTokens + u.OutputTokens), Cost = g.Sum(u => u.Cost),
                Cached = g.Count(u => u.Cached), Saved = g.Sum(u => u.SavedCost),
            })
            .FirstOrDefaultAsync(ct);
        var tenantMonthCost = await db.UsageEntries.AsNoTracking()
            .Where(u => u.TenantId == user.TenantId && u.OccurredAt >= monthStart).SumAsync(u => u.Cost, ct);
        var effective = await limits.ForAsync(user.TenantId, user.UserId, user.Tier, ct);
        var (dayTokens, dayCost) = (today?.Tokens ?? 0, today?.Cost ?? 0m);
        var budgetLeft = effective.MonthlyBudgetUsd is { } b ? Math.Max(0m, b - tenantMonthCost) : (decimal?)null;
        return TypedResults.Ok(new UsageSummary(effective.Tier,
            new UsageWindow(dayTokens, dayCost, effective.UserTokensPerDay,
                effective.UserTokensPerDay is { } l ? Math.Max(0, l - dayTokens) : null, null, null, QuotaPeriods.NextDay(now),
                today?.Cached ?? 0, today?.Saved ?? 0m),
            new UsageWindow(month?.Tokens ?? 0, month?.Cost ?? 0m, null, null, effective.MonthlyBudgetUsd, budgetLeft, QuotaPeriods.NextMonth(now),
                month?.Cached ?? 0, month?.Saved ?? 0m)));
    }

    public static async Task<Results<Ok<List<UserUsage>>, ValidationProblem>> ListUsersAsync(CurrentUser user, BillingDbContext db,
        TimeProvider clock, int? offset, int? limit, CancellationToken ct)
    {
        if (offset is < 0 || limit is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"offset must be 0 or more and limit 1 to {MaxPageSize}."],
            });
        }
        var monthStart = QuotaPeriods.MonthStart(clock.GetUtcNow());
        var rows = await db.UsageEntries.AsNoTracking().Where(u => u.TenantId == user.TenantId && u.OccurredAt >= monthStart)
            .GroupBy(u => u.UserId)
            // Ordered on an anonymous projection: EF cannot translate ordering by a positional record's members (was a 500).
            .Select(g => new { UserId = g.Key, Tokens = g.Sum(u => (long)u.InputTokens + u.OutputTokens), Cost = g.Sum(u => u.Cost), Replies = g.Count() })
            .OrderByDescending(u => u.Cost).ThenBy(u => u.UserId)
            .Skip(offset ?? 0).Take(limit ?? 50).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(u => new UserUsage(u.UserId, u.Tokens, u.Cost, u.Replies)).ToList());
    }

    /// <summary><c>GET /api/usage/export?month=2026-11</c>: the tenant's ledger rows of that month as CSV.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(string? month, CurrentUser user,
        BillingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        DateTimeOffset start;
        if (month is null)
        {
            start = QuotaPeriods.MonthStart(clock.GetUtcNow());
        }
        else if (DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            start = new DateTimeOffset(parsed, TimeSpan.Zero);
        }
        else
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"'{month[..Math.Min(month.Length, 20)]}' is not a month: expected yyyy-MM."] });
        }
        var end = start.AddMonths(1);
        var rows = await db.UsageEntries.AsNoTracking()
            .Where(u => u.TenantId == user.TenantId && u.OccurredAt >= start && u.OccurredAt < end)
            .OrderBy(u => u.OccurredAt).ToListAsync(ct);
        var csv = new StringBuilder("occurred_at,reply_id,user_id,conversation_id,provider,model,prompt_version,input_tokens,output_tokens,cost_usd,cached,saved_usd\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.OccurredAt:O},{r.ReplyId},{r.UserId},{r.ConversationId},{Csv(r.Provider)},{Csv(r.Model)},{r.PromptVersion},{r.InputTokens},{r.OutputTokens},{r.Cost},{(r.Cached ? "true" : "false")},{r.SavedCost}\n");
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"usage-{start:yyyy-MM}.csv");
    }

    private static string Csv(string value) => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
