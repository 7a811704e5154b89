namespace Chatbot.Chat.IntegrationTests.Infrastructure;

public sealed record SseEvent(string? Id, string Type, string Data);
