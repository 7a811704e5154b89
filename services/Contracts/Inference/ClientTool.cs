namespace Chatbot.Contracts.Inference;

/// <summary>
/// A function the caller of the OpenAI-compatible door offers the model (<c>tools[i].function</c>): the caller runs it,
/// not the backend, so it has no endpoint and needs no approval. <paramref name="Parameters"/> is its JSON Schema (text).
/// </summary>
public sealed record ClientTool(string Name, string? Description, string Parameters);
