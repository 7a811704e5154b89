using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Http;

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static bool IsValidLimit(int? limit) => limit is null or (>= 1 and <= MaxLimit);

    public static ValidationProblem InvalidLimit() =>
        ApiProblems.Invalid("limit", $"limit must be between 1 and {MaxLimit}.");

    public static ValidationProblem InvalidCursor() =>
        ApiProblems.Invalid("cursor", "cursor is not a cursor this API returned.");
}
