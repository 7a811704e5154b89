using Chatbot.Chat.Http;
using Chatbot.Chat.OpenAi;
using Chatbot.Chat.Data.Entities;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>
/// Prompt experiments (docs/experiments.md): tenant admins A/B-test their tenant's prompt versions, platform admins the
/// global default's; users are assigned by a hash of their id, the weights move along 1/5/25/100 % with PATCH.
/// </summary>
public static class ExperimentsApi
{
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/prompts/experiments").WithTags("Prompt experiments")
            .RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapPatch("/{id:guid}", UpdateAsync).WithIdempotency();
        api.MapGet("/{id:guid}/results", ExperimentResultsQuery.GetAsync);
        return app;
    }

    public static async Task<Ok<List<ExperimentDto>>> ListAsync(CurrentUser user, ExperimentStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(user.TenantId, ct)).Select(ExperimentDto.From).ToList());

    public static async Task<Results<Ok<ExperimentDto>, NotFound>> GetAsync(Guid id, CurrentUser user, ExperimentStore store, CancellationToken ct) =>
        await store.GetAsync(user.TenantId, id, ct) is { } e ? TypedResults.Ok(ExperimentDto.From(e)) : TypedResults.NotFound();

    public static async Task<Results<Created<ExperimentDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateExperimentRequest request, CurrentUser user, ExperimentStore store, PromptGate gate, IOptions<OpenAiOptions> models,
        TimeProvider clock, CancellationToken ct)
    {
        if (request.Global && !IsPlatformAdmin(user))
        {
            return GlobalForbidden();
        }
        if (ExperimentRules.Check(request, models.Value.IsAlias) is var (field, message))
        {
            return ApiProblems.Invalid(field, message);
        }
        var scope = request.Global ? (Guid?)null : user.TenantId;
        var variants = ExperimentRules.Named(request.Variants!);
        if (await store.MissingVersionsAsync(scope, variants.Select(v => v.PromptVersion), ct) is [var missing, ..])
        {
            return ApiProblems.Invalid("variants", $"prompt version {missing} does not exist{(scope is null ? " among the global default's versions" : "")}.");
        }
        if (await gate.CheckWeightsAsync(user.TenantId, scope, variants, ct) is { } refused)
        {
            return refused;
        }
        var created = await store.CreateAsync(scope, user.UserId, request.Name!, variants, clock.GetUtcNow().TruncateToMicroseconds(), ct);
        if (created is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An experiment is already running on this prompt.",
                detail: "Stop the running experiment (PATCH with \"status\": \"stopped\") before starting another.");
        }
        return TypedResults.Created($"/api/prompts/experiments/{created.Id}", ExperimentDto.From(created));
    }

    public static async Task<Results<Ok<ExperimentDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateExperimentRequest request, CurrentUser user, ExperimentStore store, PromptGate gate, TimeProvider clock,
        CancellationToken ct)
    {
        if (await store.GetAsync(user.TenantId, id, ct) is not { } experiment)
        {
            return TypedResults.NotFound();
        }
        if (experiment.TenantId is null && !IsPlatformAdmin(user))
        {
            return GlobalForbidden();
        }
        if (experiment.Status != ExperimentStatuses.Running)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The experiment is stopped.",
                detail: "A stopped experiment does not run again; start a new one.");
        }
        if (request.Status is not (null or ExperimentStatuses.Running or ExperimentStatuses.Stopped))
        {
            return ApiProblems.Invalid("status", "status must be \"running\" or \"stopped\".");
        }
        if (request is { Weights: null, Status: null or ExperimentStatuses.Running })
        {
            return ApiProblems.Invalid("weights", "give the new weights, or \"status\": \"stopped\".");
        }
        var before = ExperimentStore.AuditView(experiment);
        var now = clock.GetUtcNow().TruncateToMicroseconds();
        if (request.Weights is { } weights)
        {
            if (weights.Count != experiment.Variants.Count || experiment.Variants.Any(v => !weights.ContainsKey(v.Name)))
            {
                return ApiProblems.Invalid("weights", $"weights must name every variant: {string.Join(", ", experiment.Variants.Select(v => v.Name))}.");
            }
            if (ExperimentRules.CheckWeights([.. weights.Values]) is var (field, message))
            {
                return ApiProblems.Invalid(field, message);
            }
            var moved = experiment.Variants.Select(v => v with { Weight = weights[v.Name] }).ToList();
            if (request.Status != ExperimentStatuses.Stopped
                && await gate.CheckWeightsAsync(user.TenantId, experiment.TenantId, moved, ct) is { } refused)
            {
                return refused;
            }
            experiment.Variants = moved;
        }
        if (request.Status == ExperimentStatuses.Stopped)
        {
            experiment.Status = ExperimentStatuses.Stopped;
            experiment.StoppedAt = now;
        }
        experiment.UpdatedAt = now;
        await store.SaveAsync(experiment, user.UserId, before, ct);
        return TypedResults.Ok(ExperimentDto.From(experiment));
    }

    private static bool IsPlatformAdmin(CurrentUser user) => user.Roles.Contains(ChatbotRoles.PlatformAdmin);

    private static ProblemHttpResult GlobalForbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Platform administrators only.",
            detail: "Experiments on the global default prompt are run by platform administrators.");
}
