using Chatbot.Moderation.Policies;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Api;

/// <summary>
/// Tenant admins read and replace their tenant's moderation policy (<c>/api/moderation/policy</c>, served through chat's
/// origin). A tenant that never wrote one reads the configured default (<c>source: default</c>).
/// </summary>
public static class TenantPolicyApi
{
    public static IEndpointRouteBuilder MapTenantPolicyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/moderation/policy").RequireAuthorization(AuthorizationPolicies.TenantAdmin).WithTags("Moderation");
        group.MapGet("/", GetAsync);
        group.MapPut("/", PutAsync);
        return app;
    }

    public static async Task<Ok<TenantPolicyView>> GetAsync(TenantPolicyStore store, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(user.TenantId, ct));

    public static async Task<Results<Ok<TenantPolicyView>, ValidationProblem, ProblemHttpResult>> PutAsync(TenantPolicyDocument document,
        TenantPolicyStore store, CurrentUser user, CancellationToken ct)
    {
        if (TenantPolicyMapper.Validate(document) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors, "The policy is not valid; nothing was changed.", title: "Invalid moderation policy");
        }
        try
        {
            return TypedResults.Ok(await store.PutAsync(user.TenantId, user.UserId, document, ct));
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem("Another administrator changed the policy at the same time; read it again and retry.",
                statusCode: StatusCodes.Status409Conflict, title: "Policy changed concurrently");
        }
    }
}
