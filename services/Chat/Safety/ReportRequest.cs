namespace Chatbot.Chat.Safety;

public sealed record ReportRequest(string? Reason);
