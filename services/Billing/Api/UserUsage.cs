namespace Chatbot.Billing.Api;

/// <summary>One user's usage this month, as tenant admins see it.</summary>
public sealed record UserUsage(Guid UserId, long Tokens, decimal CostUsd, int Replies);
