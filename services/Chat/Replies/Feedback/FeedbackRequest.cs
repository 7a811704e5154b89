namespace Chatbot.Chat.Replies.Feedback;

/// <summary>Body of POST /api/replies/{id}/feedback: <c>up</c> or <c>down</c>, and an optional comment.</summary>
public sealed record FeedbackRequest(string? Rating, string? Comment);
