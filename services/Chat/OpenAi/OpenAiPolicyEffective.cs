namespace Chatbot.Chat.OpenAi;

/// <summary>A tenant's <c>/v1</c> policy as applied: every field decided.</summary>
public sealed record OpenAiPolicyEffective(bool AllowSystemMessages, bool StoreConversations, IReadOnlyList<string> Models, string? DefaultModel);
