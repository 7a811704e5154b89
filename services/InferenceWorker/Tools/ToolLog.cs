namespace Chatbot.InferenceWorker.Tools;

/// <summary>Tool call logs: ids, the tool's name and the outcome; never arguments or results.</summary>
public static partial class ToolLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Tool call {CallId} of {Tool} in reply {ReplyId}: {Outcome} ({Reason})")]
    public static partial void ToolCall(ILogger logger, Guid replyId, string tool, string callId, string outcome, string reason);
}
