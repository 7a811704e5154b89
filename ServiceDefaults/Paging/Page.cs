namespace Chatbot.Chat.Http;

/// <summary>One page of a list, newest first. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
