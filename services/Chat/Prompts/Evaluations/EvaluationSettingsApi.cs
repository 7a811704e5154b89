using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// A tenant administrator's evaluation gate (<see cref="PromptGate"/>): threshold and margin of their own, or the
/// deployment's (<see cref="EvaluationOptions"/>) where they set none.
/// </summary>
public static class EvaluationSettingsApi
{
    public static IEndpointRouteBuilder MapEvaluationSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/prompts/evaluation-settings").WithTags("Prompt evaluations")
            .RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapGet("/", GetAsync);
        api.MapPut("/", PutAsync);
        return app;
    }

    public static async Task<Ok<EvaluationSettingsDto>> GetAsync(CurrentUser user, ChatDbContext db, IOptions<EvaluationOptions> options,
        CancellationToken ct) =>
        TypedResults.Ok(EvaluationSettingsDto.From(await FindAsync(db, user.TenantId, ct), options.Value));

    public static async Task<Results<Ok<EvaluationSettingsDto>, ValidationProblem>> PutAsync(EvaluationSettingsRequest request,
        CurrentUser user, ChatDbContext db, IOptions<EvaluationOptions> options, TimeProvider clock, AdminAudit audit, CancellationToken ct)
    {
        if (request.Threshold is < 0 or > 100 || request.Threshold is double.NaN)
        {
            return ApiProblems.Invalid("threshold", "threshold must be 0 to 100 (percent), or null for the default.");
        }
        if (request.Margin is < 0 or > 100 || request.Margin is double.NaN)
        {
            return ApiProblems.Invalid("margin", "margin must be 0 to 100 (points), or null for the default.");
        }
        var before = EvaluationSettingsDto.From(await FindAsync(db, user.TenantId, ct), options.Value);
        EvaluationSettingsDto after;
        try
        {
            after = EvaluationSettingsDto.From(await SaveAsync(user.TenantId, request, db, clock, ct), options.Value);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear(); // the tenant's first row was inserted meanwhile: update that one
            after = EvaluationSettingsDto.From(await SaveAsync(user.TenantId, request, db, clock, ct), options.Value);
        }
        // Saved right after the setting (not yet in its transaction): SaveAsync commits first.
        await audit.RecordAndSaveAsync(user.UserId, user.TenantId, "chat.evaluation_settings.updated", $"tenants/{user.TenantId}/evaluation-settings",
            new { before.Threshold, before.Margin }, new { after.Threshold, after.Margin }, ct);
        return TypedResults.Ok(after);
    }

    public static Task<TenantEvaluationSettings?> FindAsync(ChatDbContext db, Guid tenantId, CancellationToken ct) =>
        db.TenantEvaluationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId, ct);

    private static async Task<TenantEvaluationSettings> SaveAsync(Guid tenantId, EvaluationSettingsRequest request, ChatDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var row = await db.TenantEvaluationSettings.FirstOrDefaultAsync(s => s.TenantId == tenantId, ct);
        if (row is null)
        {
            row = new TenantEvaluationSettings { TenantId = tenantId, UpdatedAt = default };
            db.TenantEvaluationSettings.Add(row);
        }
        row.Threshold = request.Threshold;
        row.Margin = request.Margin;
        row.UpdatedAt = clock.GetUtcNow().TruncateToMicroseconds();
        await db.SaveChangesAsync(ct);
        return row;
    }
}
