namespace Chatbot.InferenceWorker.Streaming;

/// <summary>The <c>queued</c> entry: the turn waits for a provider slot at <paramref name="Position"/> (1 = next).</summary>
public sealed record QueuedEvent(int Position, long? EstimatedWaitMs);
