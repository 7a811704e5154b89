using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.Contracts.Tools;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Tools;

/// <summary>
/// Tenant administrators register the tools the model may call in their tenant's replies (the allowlist), list and remove
/// them. The answer to a registration carries the tool's signing secret, once. A built-in tool (<c>"builtin"</c>, e.g. the
/// user's own conversation search) is allowed the same way, without endpoint or secret.
/// </summary>
public static class ToolsApi
{
    public static IEndpointRouteBuilder MapToolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tools").WithTags("Tools").RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapGet("/", ListAsync);
        api.MapPost("/", RegisterAsync);
        api.MapDelete("/{name}", DeleteAsync);
        return app;
    }

    public static async Task<Ok<List<ToolDto>>> ListAsync(CurrentUser user, ToolStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(user.TenantId, ct)).Select(t => ToolDto.From(t)).ToList());

    public static async Task<Results<Created<ToolDto>, ValidationProblem, ProblemHttpResult>> RegisterAsync(RegisterToolRequest request,
        CurrentUser user, ToolStore store, IHostEnvironment environment, IOptions<ServiceCredentialOptions> credential, TimeProvider clock,
        CancellationToken ct)
    {
        if (ToolValidation.Check(request, environment.IsDevelopment()) is { } problem)
        {
            return ApiProblems.Invalid(problem.Field, problem.Message);
        }
        if (await store.CountAsync(user.TenantId, ct) >= ToolLimits.MaxToolsPerTenant)
        {
            return ApiProblems.Invalid("name", $"A tenant may register at most {ToolLimits.MaxToolsPerTenant} tools.");
        }
        var now = clock.GetUtcNow().TruncateToMicroseconds();
        var builtin = request.Builtin is { } b ? BuiltinToolCatalog.Find(b) : null;
        var tool = new TenantTool
        {
            Id = Guid.CreateVersion7(now), TenantId = user.TenantId, Name = request.Name ?? request.Builtin!,
            Description = request.Description ?? builtin!.Value.Description,
            Parameters = builtin?.Parameters ?? request.Parameters!.Value.GetRawText(),
            Endpoint = request.Builtin is { } name ? BuiltinTools.Endpoint(name) : request.Endpoint!, Risk = request.Risk ?? ToolRisk.Read,
            PromptVersions = request.PromptVersions?.Distinct().Order().ToList(), CreatedBy = user.UserId, CreatedAt = now,
        };
        try
        {
            await store.AddAsync(tool, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A tool of that name exists.",
                detail: $"The tenant already has a tool named '{tool.Name}'; delete it first to replace it.");
        }
        // A built-in tool is run by the platform, never called over HTTP: it has no signing secret.
        var secret = builtin is null ? ToolSecrets.For(credential.Value.Credential, tool.Id) : null;
        return TypedResults.Created($"/api/tools/{tool.Name}", ToolDto.From(tool, secret));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(string name, CurrentUser user, ToolStore store, CancellationToken ct) =>
        await store.DeleteAsync(user.TenantId, name, user.UserId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
