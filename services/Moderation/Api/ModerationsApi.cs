using System.Text.Json;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Policies;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.Api;

/// <summary>
/// <c>POST /api/moderations</c> in the shape of OpenAI's moderation endpoint, evaluated with the caller's tenant policy.
/// Served through chat's origin (YARP), authenticated and rate-limited per caller across replicas (Redis). With a
/// provider moderation API configured, its categories and scores are merged into each result.
/// <c>POST /internal/tenants/{tenantId}/users/{userId}/moderations</c> is the same for chat's <c>/v1/moderations</c>, whose
/// callers may hold an API key, which only chat can verify: it takes the service credential (<c>ServiceAuth:Credential</c>)
/// instead of a user token, the tenant and caller chat authenticated in its path, and is limited per that caller.
/// </summary>
public static class ModerationsApi
{
    public const string ModelName = "chatbot-moderation-1";
    private const int MaxInputs = 32;

    public static IEndpointRouteBuilder MapModerationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/moderations", ModerateAsync)
            .RequireAuthorization(AuthorizationPolicies.Member)
            .RequireModerationRateLimit()
            .WithTags("Moderation");
        app.MapPost("/internal/tenants/{tenantId:guid}/users/{userId:guid}/moderations", ModerateForTenantAsync)
            .RequireServiceCredential()
            .RequireModerationRateLimit()
            .ExcludeFromDescription();
        return app;
    }

    public static Task<Results<Ok<ModerationResponse>, ProblemHttpResult>> ModerateAsync(
        ModerationRequest request, InputModerator moderator, PolicyProvider policies, CurrentUser user,
        IOptions<ModerationOptions> options, CancellationToken ct) =>
        ModerateForAsync(request, user.TenantId, moderator, policies, options, ct);

    /// <summary>The service-credential route: <paramref name="tenantId"/>'s policy, for a caller chat authenticated.</summary>
    public static Task<Results<Ok<ModerationResponse>, ProblemHttpResult>> ModerateForTenantAsync(Guid tenantId,
        ModerationRequest request, InputModerator moderator, PolicyProvider policies, IOptions<ModerationOptions> options,
        CancellationToken ct) => ModerateForAsync(request, tenantId, moderator, policies, options, ct);

    private static async Task<Results<Ok<ModerationResponse>, ProblemHttpResult>> ModerateForAsync(ModerationRequest request,
        Guid tenantId, InputModerator moderator, PolicyProvider policies, IOptions<ModerationOptions> options, CancellationToken ct)
    {
        if (ReadInputs(request.Input) is not { } inputs)
        {
            return Problem("'input' must be a string or an array of strings of valid Unicode text.");
        }
        if (inputs.Count is 0 or > MaxInputs)
        {
            return Problem($"'input' must contain between 1 and {MaxInputs} strings.");
        }
        if (inputs.FirstOrDefault(i => i.Length > options.Value.MaxApiInputChars) is not null)
        {
            return Problem($"Each input may have at most {options.Value.MaxApiInputChars} characters.");
        }
        var policy = await policies.ForAsync(tenantId, ct);
        var results = new List<ModerationResult>(inputs.Count);
        foreach (var input in inputs)
        {
            results.Add(ToResult(await moderator.CheckAsync(input, policy, ct), policy));
        }
        return TypedResults.Ok(new ModerationResponse($"modr-{Guid.CreateVersion7():N}", ModelName, results));
    }

    /// <summary>Our categories, the tenant's harmful ones and every category a provider moderation API reported.</summary>
    private static ModerationResult ToResult(InputVerdict verdict, ModerationPolicy policy)
    {
        string[] names = [.. ModerationCategories.Own.Concat(policy.BlockedTerms.Keys).Concat(verdict.CategoryScores.Keys).Distinct()];
        var categories = names.ToDictionary(n => n, verdict.FlaggedCategories.Contains);
        var scores = names.ToDictionary(n => n, n => Math.Round(verdict.CategoryScores.GetValueOrDefault(n), 4));
        var flagged = verdict.FlaggedCategories.Count > 0 || verdict.FailedStages.Count > 0;
        return new ModerationResult(flagged, categories, scores);
    }

    private static List<string>? ReadInputs(JsonElement input)
    {
        try
        {
            return input.ValueKind switch
            {
                JsonValueKind.String => [input.GetString()!],
                JsonValueKind.Array when input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                    [.. input.EnumerateArray().Select(e => e.GetString()!)],
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            return null; // a lone surrogate escape (e.g. "\ud800") is not text; it was a 500
        }
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid moderation request");
}
