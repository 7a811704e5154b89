namespace Chatbot.Chat.OpenAi;

/// <summary>
/// <c>GET|PUT /api/openai/policy</c>: the tenant's stored choices (null: the deployment's default) and, on answers, the
/// policy in force (<see cref="Effective"/>) with the aliases the caller's tier may use under it.
/// </summary>
public sealed record OpenAiPolicyDto(bool? AllowSystemMessages, bool? StoreConversations, List<string>? Models, string? DefaultModel)
{
    public OpenAiPolicyEffective? Effective { get; init; }
}
