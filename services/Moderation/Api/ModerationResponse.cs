namespace Chatbot.Moderation.Api;

public sealed record ModerationResponse(string Id, string Model, IReadOnlyList<ModerationResult> Results);
