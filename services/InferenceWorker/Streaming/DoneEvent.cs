namespace Chatbot.InferenceWorker.Streaming;

/// <summary>JSON payload of the <c>done</c> stream entry that ends a complete reply.</summary>
public sealed record DoneEvent(int InputTokens, int OutputTokens, decimal Cost, string Model, string Provider, int PromptVersion);
