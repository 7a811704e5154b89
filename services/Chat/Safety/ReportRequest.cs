namespace Chatbot.Chat.Moderation;

public sealed record ReportRequest(string? Reason);
