namespace Chatbot.Chat.OpenAi;

/// <summary>The body of every <c>/v1</c> error answer.</summary>
public sealed record OpenAiErrorBody(OpenAiError Error);
