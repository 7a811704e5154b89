namespace Chatbot.InferenceWorker.Streaming;

/// <summary>JSON payload of a <c>token</c> stream entry.</summary>
public sealed record TokenEvent(string Text);
