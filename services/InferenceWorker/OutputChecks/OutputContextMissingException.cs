namespace Chatbot.InferenceWorker.OutputChecks;

/// <summary>A moderated request's output context (canary, placeholders) never arrived: the reply cannot be checked.</summary>
public sealed class OutputContextMissingException(Guid replyId)
    : Exception($"The moderation context of reply {replyId} did not arrive in time.")
{
    public const string UserMessage = "The reply could not be checked for safety. Please try again.";
}
