using Chatbot.Chat.Auth;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Tenant administrators set their tenant's <c>/v1</c> policy: whether a caller's system message is an instruction,
/// whether completions without <c>metadata.conversation_id</c> are kept as conversations, which model aliases the
/// tenant may use and which one <c>default</c> names. Stored in chat's database (<see cref="OpenAiPolicyStore"/>).
/// </summary>
public static class OpenAiPolicyApi
{
    public static IEndpointRouteBuilder MapOpenAiPolicyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/openai/policy").WithTags("OpenAI-compatible").RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        api.MapGet("/", GetAsync);
        api.MapPut("/", PutAsync);
        return app;
    }

    public static async Task<Ok<OpenAiPolicyDto>> GetAsync(CurrentUser user, OpenAiPolicyStore store, IOptions<OpenAiOptions> options,
        CancellationToken ct) =>
        TypedResults.Ok(ToDto(user, await store.GetAsync(user.TenantId, ct), options.Value));

    public static async Task<Results<Ok<OpenAiPolicyDto>, ValidationProblem>> PutAsync(OpenAiPolicyDto request, CurrentUser user,
        OpenAiPolicyStore store, IOptions<OpenAiOptions> options, CancellationToken ct)
    {
        var aliases = options.Value;
        if (request.Models is { } models)
        {
            if (models.Count > OpenAiPolicyLimits.MaxModels)
            {
                return ApiProblems.Invalid("models", $"models may list at most {OpenAiPolicyLimits.MaxModels} aliases.");
            }
            if (models.FirstOrDefault(m => !aliases.IsAlias(m)) is { } unknown)
            {
                return ApiProblems.Invalid("models", $"'{OpenAiErrors.Truncate(unknown)}' is not a model alias of this deployment.");
            }
        }
        if (request.DefaultModel is { } preferred && (!aliases.IsAlias(preferred) || request.Models?.Contains(preferred) == false))
        {
            return ApiProblems.Invalid("defaultModel", $"'{OpenAiErrors.Truncate(preferred)}' must be a model alias of this deployment (and in models when models is set).");
        }
        var saved = await store.SaveAsync(user.TenantId, user.UserId, new OpenAiTenantPolicy
        {
            AllowSystemMessages = request.AllowSystemMessages,
            StoreConversations = request.StoreConversations,
            Models = request.Models?.Distinct(StringComparer.Ordinal).ToList(),
            DefaultModel = request.DefaultModel,
        }, ct);
        return TypedResults.Ok(ToDto(user, saved, aliases));
    }

    private static OpenAiPolicyDto ToDto(CurrentUser user, OpenAiPolicy? row, OpenAiOptions options)
    {
        var effective = options.PolicyFor(user.TenantId, OpenAiPolicyStore.ToPolicy(row));
        return new OpenAiPolicyDto(row?.AllowSystemMessages, row?.StoreConversations, row?.Models, row?.DefaultModel)
        {
            Effective = new OpenAiPolicyEffective(effective.AllowSystemMessages == true, effective.StoreConversations == true,
                [.. options.Allowed(user.Tier, effective).Select(m => m.Id)], options.Find(OpenAiModel.DefaultAlias, user.Tier, effective)?.Id),
        };
    }
}
