namespace Chatbot.InferenceWorker.Streaming;

/// <summary>JSON payload of an <c>error</c> stream entry; <see cref="Code"/> is one of <c>ReplyFailureCodes</c>.</summary>
public sealed record ErrorEvent(string Code, string Message);
