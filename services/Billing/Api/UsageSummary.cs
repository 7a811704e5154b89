namespace Chatbot.Billing.Api;

/// <summary>
/// Usage of one window (today or this month) with what is left (null = unlimited) and when it resets;
/// <see cref="CachedReplies"/> were answered from the response cache, which saved <see cref="CacheSavedUsd"/> against the full price.
/// </summary>
public sealed record UsageWindow(long Tokens, decimal CostUsd, long? TokensLimit, long? TokensLeft, decimal? BudgetUsd, decimal? BudgetLeftUsd,
    DateTimeOffset ResetsAt, int CachedReplies = 0, decimal CacheSavedUsd = 0m);

public sealed record UsageSummary(string Tier, UsageWindow Today, UsageWindow Month);
