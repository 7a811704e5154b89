namespace Chatbot.Moderation.Api;

public sealed record ReviewDecision(string? Note);
