namespace Chatbot.Contracts.Inference;

/// <summary>
/// A function call the model made (OpenAI's <c>tool_calls[i]</c>): its id, the function's name and the arguments as the
/// model wrote them (JSON text, not parsed). On an assistant <see cref="ChatTurn"/> of the history, and on the
/// <see cref="ReplyStreamProtocol.ToolCall"/> stream event of a reply that asks the caller to run a tool.
/// </summary>
public sealed record ChatToolCall(string Id, string Name, string Arguments);
