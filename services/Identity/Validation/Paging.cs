using Chatbot.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Identity.Validation;

/// <summary>
/// The public origin's paging (<c>?cursor=&amp;limit=</c>, limit 1..100, default 20): a keyset on (created at, id), so a
/// page costs one index range read however deep it is. <see cref="After"/> is null on the first page.
/// </summary>
public readonly record struct Paging(KeysetCursor? After, int Limit)
{
    public static bool TryRead(string? cursor, int? limit, out Paging paging, out ValidationProblem problem)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > 100)
        {
            errors.Add("limit", "Between 1 and 100.");
        }
        if (!KeysetCursor.TryDecode(cursor, out var after))
        {
            errors.Add("cursor", "Not a cursor this API returned.");
        }
        paging = new Paging(after, limit ?? 20);
        problem = TypedResults.ValidationProblem(errors.ToDictionary());
        return !errors.Any;
    }

    /// <summary><paramref name="fetched"/> holds up to Limit + 1 rows; the extra one only says there is a next page.</summary>
    public Page<T> PageOf<T>(List<T> fetched, Func<T, KeysetCursor> keyOf)
    {
        var items = fetched.Take(Limit).ToList();
        return new Page<T>(items, fetched.Count > Limit ? keyOf(items[^1]).Encode() : null);
    }
}
