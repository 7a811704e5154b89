namespace Chatbot.Billing.Api;

public sealed record UserLimitRequest(long? TokensPerDay, int? RequestsPerMinute);
