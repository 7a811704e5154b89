using Chatbot.Chat.Auth;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Prompts;

/// <summary>Tenant administrators manage their tenant's system prompt versions; replies record the version they used.</summary>
public static class PromptsApi
{
    public static IEndpointRouteBuilder MapPromptsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/prompts").WithTags("Prompts").RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapGet("/", ListAsync);
        api.MapGet("/active", GetActiveAsync);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPost("/{version:int}/activate", ActivateAsync).WithIdempotency();
        api.MapPost("/rollback", RollBackAsync).WithIdempotency();
        return app;
    }

    public static async Task<Ok<List<PromptVersionDto>>> ListAsync(CurrentUser user, PromptStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(user.TenantId, ct)).Select(PromptVersionDto.From).ToList());

    public static async Task<Results<Ok<PromptVersionDto>, NotFound>> GetActiveAsync(CurrentUser user, PromptStore store, CancellationToken ct) =>
        await store.GetActiveAsync(user.TenantId, ct) is { } active ? TypedResults.Ok(PromptVersionDto.From(active)) : TypedResults.NotFound();

    public static async Task<Results<Created<PromptVersionDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreatePromptVersionRequest request, CurrentUser user, PromptStore store, PromptGate gate, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > CreatePromptVersionRequest.MaxContentLength)
        {
            return ApiProblems.Invalid("content",
                $"content is required and must be at most {CreatePromptVersionRequest.MaxContentLength} characters.");
        }
        if (request.Activate && await gate.CheckNewActiveVersionAsync(user.TenantId, ct) is { } refused)
        {
            return refused;
        }
        var created = await store.CreateAsync(user.TenantId, user.UserId, request.Content, request.Activate,
            clock.GetUtcNow().TruncateToMicroseconds(), ct);
        return TypedResults.Created($"/api/prompts/{created.Version}", PromptVersionDto.From(created));
    }

    public static async Task<Results<Ok<PromptVersionDto>, NotFound, ProblemHttpResult>> ActivateAsync(
        int version, CurrentUser user, PromptStore store, PromptGate gate, CancellationToken ct)
    {
        if (!await store.ExistsAsync(user.TenantId, version, ct))
        {
            return TypedResults.NotFound();
        }
        if (await gate.CheckActivationAsync(user.TenantId, version, ct) is { } refused)
        {
            return refused;
        }
        if (!await store.ActivateAsync(user.TenantId, version, user.UserId, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(PromptVersionDto.From((await store.GetActiveAsync(user.TenantId, ct))!));
    }

    /// <summary>Re-activates the version before the active one (the global default after the first) in one call.</summary>
    public static async Task<Results<Ok<PromptVersionDto>, ProblemHttpResult>> RollBackAsync(
        CurrentUser user, PromptStore store, CancellationToken ct)
    {
        var (rolledBack, _) = await store.RollBackAsync(user.TenantId, user.UserId, ct);
        if (!rolledBack)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to roll back.",
                detail: "The tenant has no active prompt version of its own; the global default is in force.");
        }
        return TypedResults.Ok(PromptVersionDto.From((await store.GetActiveAsync(user.TenantId, ct))!));
    }
}
