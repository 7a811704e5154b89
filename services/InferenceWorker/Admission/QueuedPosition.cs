namespace Chatbot.InferenceWorker.Admission;

/// <summary>A waiting turn's new place: 1 = next to start; <paramref name="EstimatedWaitMs"/> null until a turn has finished here.</summary>
public readonly record struct QueuedPosition(Guid ReplyId, int Position, long? EstimatedWaitMs, bool First);
