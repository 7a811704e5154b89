namespace Chatbot.Chat.OpenAi;

/// <summary>OpenAI's error object: <c>{"error":{"message","type","param","code"}}</c> wraps one of these.</summary>
public sealed record OpenAiError(string Message, string Type, string? Param, string? Code);
