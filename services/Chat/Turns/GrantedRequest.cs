using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.Billing;

public static class GrantedRequest
{
    /// <summary>
    /// The request as the reservation allows it: unchanged, or (budget nearly spent) limited to the output tokens granted
    /// and marked <see cref="GenerateReply.BudgetLimited"/>.
    /// </summary>
    public static GenerateReply WithinGrant(this GenerateReply command, ReservationResult quota) =>
        quota.GrantedOutputTokens < command.MaxOutputTokens
            ? command with { MaxOutputTokens = quota.GrantedOutputTokens, BudgetLimited = true }
            : command;
}
