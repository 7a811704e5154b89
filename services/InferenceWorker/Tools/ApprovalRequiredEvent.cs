namespace Chatbot.InferenceWorker.Tools;

/// <summary>The <c>approval_required</c> stream event: what the approval card shows (the arguments in plain words).</summary>
public sealed record ApprovalRequiredEvent(string Tool, string CallId, string Risk, string Description, string Arguments);
