namespace Chatbot.Contracts.Inference;

/// <summary>One message of the context sent to a model. Role is "system", "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Content);
