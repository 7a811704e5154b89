namespace Chatbot.Identity.Validation;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore)
{
    /// <summary><paramref name="fetched"/> holds up to Size + 1 rows; the extra one only says there is more.</summary>
    public static Page<T> From(List<T> fetched, Paging paging) =>
        new(fetched.Take(paging.Size).ToList(), paging.Number, paging.Size, fetched.Count > paging.Size);
}
