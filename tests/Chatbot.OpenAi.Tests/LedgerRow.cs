namespace Chatbot.OpenAi.Tests;

/// <summary>One settled row of billing's ledger (<c>usage_entries</c>), keyed by the reply id.</summary>
public sealed record LedgerRow(Guid TenantId, Guid UserId, Guid ConversationId, int InputTokens, int OutputTokens, decimal Cost);
