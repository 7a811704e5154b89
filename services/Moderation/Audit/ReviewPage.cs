namespace Chatbot.Moderation.Audit;

/// <summary>One page of the review queue; pass <see cref="NextCursor"/> back as <c>cursor</c> for the next one.</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewItemDto> Items, string? NextCursor);
