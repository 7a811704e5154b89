namespace Chatbot.Chat.Tools;

/// <summary>The body of <c>POST /api/replies/{id}/approvals/{callId}</c>: <c>{"approve": true}</c> runs the call, false denies it.</summary>
public sealed record ApprovalDecisionRequest(bool? Approve);
