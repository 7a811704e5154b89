namespace Chatbot.ServiceDefaults.Paging;

/// <summary>One page of a list (the public origin's one paging style: <c>?cursor=&amp;limit=</c>). Pass <see cref="NextCursor"/> back as <c>cursor</c>; null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
