using Chatbot.Contracts.Inference;

namespace Chatbot.InferenceWorker.Budget;

/// <summary>
/// A reply whose output allowance was cut to the remaining budget (<see cref="GenerateReply.BudgetLimited"/>) and that
/// used all of it was stopped by the budget: its <c>done</c> says <c>truncated: "budget"</c>. The provider is asked for at
/// most <see cref="GenerateReply.MaxOutputTokens"/>, and usage (so the charge) is what was delivered.
/// </summary>
public static class BudgetTruncation
{
    public const string Budget = "budget";

    public static string? Of(GenerateReply request, int outputTokens) =>
        request.BudgetLimited && outputTokens >= request.MaxOutputTokens ? Budget : null;
}
