namespace Chatbot.Contracts.Tools;

/// <summary>The outcomes of <see cref="ToolCallAudited"/>.</summary>
public static class ToolCallOutcomes
{
    public const string Called = "called";
    public const string Failed = "failed";
    public const string Refused = "refused";
    public const string ApprovalRequested = "approval_requested";
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string ResultFlagged = "result_flagged";
}
