namespace Chatbot.Chat.OpenAi;

/// <summary>The function of a <see cref="ChatCompletionToolCall"/>: its name and the arguments as JSON text.</summary>
public sealed record ChatCompletionFunctionCall(string Name, string Arguments);
