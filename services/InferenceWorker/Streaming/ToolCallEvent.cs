namespace Chatbot.InferenceWorker.Streaming;

/// <summary>JSON payload of a <c>tool_call</c> stream entry: one whole call of a caller-run tool (<see cref="Index"/> from 0 in the reply).</summary>
public sealed record ToolCallEvent(int Index, string Id, string Name, string Arguments);
