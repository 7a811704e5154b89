namespace Chatbot.InferenceWorker.Streaming;

/// <summary>What a reply stream already holds when a worker picks the reply up (a redelivery finds an earlier attempt).</summary>
public sealed record ReplyStreamSnapshot(bool HasEntries, string Content, DoneEvent? Done, ErrorEvent? Error)
{
    public static readonly ReplyStreamSnapshot Empty = new(false, "", null, null);
}
