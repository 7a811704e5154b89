namespace Chatbot.Contracts.Tools;

/// <summary>
/// Human approval of a tool call, between the worker and chat through Redis. The worker appends
/// <see cref="ApprovalRequiredEvent"/> to the reply's stream (<c>{tool, callId, risk, summary}</c>) and waits for
/// <see cref="DecisionKey"/>; chat (<c>POST /api/replies/{id}/approvals/{callId}</c>) sets it to <see cref="Approve"/> or
/// <see cref="Deny"/> (SET NX: the first decision stands) and publishes the key on <see cref="DecisionChannel"/>, which
/// wakes the waiting worker without a poll. <see cref="PendingKey"/> holds the pending call's <c>{risk}:{tool}</c> until it is decided,
/// so chat can require a tenant admin for a critical one.
/// </summary>
public static class ToolApprovalProtocol
{
    public const string ApprovalRequiredEvent = "approval_required";
    public const string DecisionChannel = "chatbot:tool-approval";
    public const string Approve = "approve";
    public const string Deny = "deny";

    public static string DecisionKey(Guid replyId, string callId) => $"chatbot:reply:{replyId:N}:approval:{callId}";
    public static string PendingKey(Guid replyId, string callId) => $"chatbot:reply:{replyId:N}:approval:{callId}:pending";
}
