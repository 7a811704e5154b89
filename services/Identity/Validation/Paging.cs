using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Identity.Validation;

/// <summary>Page (1-based) and size (1..100, default 20) from the query string.</summary>
public readonly record struct Paging(int Number, int Size)
{
    public int Skip => (Number - 1) * Size;

    public static bool TryRead(int? page, int? pageSize, out Paging paging, out ValidationProblem problem)
    {
        var errors = new FieldErrors();
        if (page is < 1 or > 100_000)
        {
            errors.Add("page", "Between 1 and 100000.");
        }
        if (pageSize is < 1 or > 100)
        {
            errors.Add("pageSize", "Between 1 and 100.");
        }
        paging = new Paging(page ?? 1, pageSize ?? 20);
        problem = TypedResults.ValidationProblem(errors.ToDictionary());
        return !errors.Any;
    }
}
