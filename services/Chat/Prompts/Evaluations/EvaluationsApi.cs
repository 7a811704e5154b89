using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// Runs a committed evaluation set against one of the tenant's prompt versions (202, then poll the evaluation) and lists a
/// version's evaluations; the latest completed one is what <see cref="PromptGate"/> reads.
/// </summary>
public static class EvaluationsApi
{
    public const int ListLimit = 20;

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/prompts/{version:int}/evaluations").WithTags("Prompt evaluations")
            .RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapPost("/", StartAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        return app;
    }

    public static async Task<Results<Accepted<EvaluationDto>, NotFound, ValidationProblem, ProblemHttpResult>> StartAsync(int version,
        string? set, CurrentUser user, ChatDbContext db, EvaluationSetCatalog sets, EvaluationQueue queue, EvaluationLeases leases,
        TimeProvider clock, CancellationToken ct)
    {
        if (sets.Find(set) is not { } evaluationSet)
        {
            return ApiProblems.Invalid("set", $"unknown evaluation set; the committed sets are: {string.Join(", ", sets.Names)}.");
        }
        if (!await db.PromptVersions.AnyAsync(p => p.TenantId == user.TenantId && p.Version == version, ct))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow().TruncateToMicroseconds();
        var evaluation = new PromptEvaluation
        {
            Id = Guid.CreateVersion7(now), TenantId = user.TenantId, PromptVersion = version, SetName = evaluationSet.Name,
            Status = EvaluationStatuses.Running, CreatedBy = user.UserId, CreatedAt = now,
        };
        db.PromptEvaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        var job = new EvaluationJob(evaluation.Id, user.TenantId, user.UserId, user.Tier, version, evaluationSet.Name);
        await leases.ClaimAsync(job);
        if (!queue.TryEnqueue(job))
        {
            await leases.ReleaseAsync(evaluation.Id);
            await db.PromptEvaluations.Where(e => e.Id == evaluation.Id).ExecuteDeleteAsync(ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many evaluations are waiting.",
                detail: "Try again in a few minutes.");
        }
        return TypedResults.Accepted($"/api/prompts/{version}/evaluations/{evaluation.Id}", EvaluationDto.From(evaluation));
    }

    public static async Task<Ok<List<EvaluationDto>>> ListAsync(int version, CurrentUser user, ChatDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.PromptEvaluations.AsNoTracking()
            .Where(e => e.TenantId == user.TenantId && e.PromptVersion == version)
            .OrderByDescending(e => e.CreatedAt).Take(ListLimit).ToListAsync(ct)).Select(EvaluationDto.From).ToList());

    public static async Task<Results<Ok<EvaluationDto>, NotFound>> GetAsync(int version, Guid id, CurrentUser user, ChatDbContext db,
        CancellationToken ct) =>
        await db.PromptEvaluations.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == id && e.TenantId == user.TenantId && e.PromptVersion == version, ct) is { } found
            ? TypedResults.Ok(EvaluationDto.From(found))
            : TypedResults.NotFound();
}
