namespace Chatbot.Billing.Api;

/// <summary>Usage of one window (today or this month) with what is left (null = unlimited) and when it resets.</summary>
public sealed record UsageWindow(long Tokens, decimal CostUsd, long? TokensLimit, long? TokensLeft, decimal? BudgetUsd, decimal? BudgetLeftUsd, DateTimeOffset ResetsAt);

public sealed record UsageSummary(string Tier, UsageWindow Today, UsageWindow Month);
