namespace Chatbot.Chat.Retention;

/// <summary><c>PUT /api/tenant/retention</c>: days after the last activity (1..3650), or null to keep everything.</summary>
public sealed record RetentionRequest(int? Days);
