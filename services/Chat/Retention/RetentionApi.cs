using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
        ChatDbContext db, IOptions<RetentionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (request.Days is < RetentionOptions.MinDays or > RetentionOptions.MaxDays)
        {
            return ApiProblems.Invalid("days",
                $"days must be {RetentionOptions.MinDays} to {RetentionOptions.MaxDays}, or null to keep conversations forever.");
        }
        var row = await db.TenantRetentions.FirstOrDefaultAsync(r => r.TenantId == user.TenantId, ct);
        if (row is null)
        {
            row = new TenantRetention { TenantId = user.TenantId, UpdatedAt = default };
            db.TenantRetentions.Add(row);
        }
        row.IsCustom = true;
        row.Days = request.Days;
        row.UpdatedAt = clock.GetUtcNow().TruncateToMicroseconds();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RetentionDto.From(row, options.Value.DefaultDays));
    }
}
