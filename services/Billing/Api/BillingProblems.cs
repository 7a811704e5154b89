using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Billing.Api;

internal static class BillingProblems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    public static ValidationProblem? Limits(long? userTokens, long? tenantTokens, int? rpm, decimal? budget) =>
        userTokens is < 0 ? Invalid("userTokensPerDay", "userTokensPerDay must be 0 or more (omit it for no limit).")
        : tenantTokens is < 0 ? Invalid("tenantTokensPerDay", "tenantTokensPerDay must be 0 or more (omit it for no limit).")
        : rpm is < 0 ? Invalid("requestsPerMinute", "requestsPerMinute must be 0 or more (omit it for no limit).")
        : budget is < 0 ? Invalid("monthlyBudgetUsd", "monthlyBudgetUsd must be 0 or more (omit it for no limit).")
        : null;
}
