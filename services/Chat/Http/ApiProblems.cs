using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Http;

/// <summary>The problem details this API answers with (RFC 9457), each with a message that names what is wrong.</summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid.");

    public static ValidationProblem InvalidId(string field, string value) =>
        Invalid(field, $"'{Truncate(value)}' is not a valid id: expected a GUID.");

    public static bool TryParseId(string value, out Guid id) => Guid.TryParse(value, out id);

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
