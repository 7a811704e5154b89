using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.Chat.Retention;

/// <summary>
/// Tenant administrators set how long their tenant's conversations are kept after their last activity
/// (<see cref="RetentionJob"/> deletes the older ones) and see the last run. These literal routes take precedence over the
/// identity proxy's <c>/api/tenant/{**rest}</c>.
/// </summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tenant/retention").WithTags("Retention").RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapGet("/", GetAsync);
        api.MapPut("/", PutAsync);
        return app;
    }

    public static async Task<Ok<RetentionDto>> GetAsync(CurrentUser user, ChatDbContext db, IOptions<RetentionOptions> options,
        CancellationToken ct) =>
        TypedResults.Ok(RetentionDto.From(
            await db.TenantRetentions.AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == user.TenantId, ct), options.Value.DefaultDays));

    public static async Task<Results<Ok<RetentionDto>, ValidationProblem>> PutAsync(RetentionRequest request, CurrentUser user,
        ChatDbContext db, IOptions<RetentionOptions> options, TimeProvider clock, AdminAudit audit, CancellationToken ct)
    {
        if (request.Days is < RetentionOptions.MinDays or > RetentionOptions.MaxDays)
        {
            return ApiProblems.Invalid("days",
                $"days must be {RetentionOptions.MinDays} to {RetentionOptions.MaxDays}, or null to keep conversations forever.");
        }
        var before = RetentionDto.From(
            await db.TenantRetentions.AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == user.TenantId, ct), options.Value.DefaultDays);
        RetentionDto after;
        try
        {
            after = await SaveAsync(user, request.Days, before, db, options.Value.DefaultDays, clock, audit, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The tenant's first row was inserted meanwhile (another PUT, or the job's first run): update that one.
            db.ChangeTracker.Clear();
            after = await SaveAsync(user, request.Days, before, db, options.Value.DefaultDays, clock, audit, ct);
        }
        return TypedResults.Ok(after);
    }

    /// <summary>Saves the setting and its audit entry in one transaction.</summary>
    private static async Task<RetentionDto> SaveAsync(CurrentUser user, int? days, RetentionDto before, ChatDbContext db, int? defaultDays,
        TimeProvider clock, AdminAudit audit, CancellationToken ct)
    {
        var tenantId = user.TenantId;
        var row = await db.TenantRetentions.FirstOrDefaultAsync(r => r.TenantId == tenantId, ct);
        if (row is null)
        {
            row = new TenantRetention { TenantId = tenantId, UpdatedAt = default };
            db.TenantRetentions.Add(row);
        }
        row.IsCustom = true;
        row.Days = days;
        row.UpdatedAt = clock.GetUtcNow().TruncateToMicroseconds();
        var after = RetentionDto.From(row, defaultDays);
        audit.Record(user.UserId, tenantId, "chat.retention.updated", $"tenants/{tenantId}/retention",
            new { before.Days, before.IsCustom, before.EffectiveDays }, new { after.Days, after.IsCustom, after.EffectiveDays });
        await db.SaveChangesAsync(ct);
        return after;
    }
}
