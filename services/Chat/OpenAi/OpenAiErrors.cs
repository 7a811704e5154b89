using System.Globalization;
using Chatbot.Billing.Quotas;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Every <c>/v1</c> error in OpenAI's shape and with OpenAI's status, type and code, so SDKs raise the exception a caller
/// already handles. Budgets answer 402 <c>insufficient_quota</c> (not 429: SDKs retry a 429, and a spent budget does
/// not come back within a retry); rate windows 429 <c>rate_limit_exceeded</c> with <c>Retry-After</c> and <c>x-ratelimit-*</c>.
/// </summary>
public static class OpenAiErrors
{
    public const string InvalidRequest = "invalid_request_error";

    public static IResult Invalid(string? param, string message, string? code = null) =>
        Error(StatusCodes.Status400BadRequest, message, InvalidRequest, param, code);

    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized,
        "Missing or invalid credentials: send Authorization: Bearer with an API key (cbk_...) or a user token.",
        InvalidRequest, null, "invalid_api_key");

    public static IResult Forbidden() => Error(StatusCodes.Status403Forbidden,
        "These credentials may not use this API (the API key lacks the chat scope, or the role is not allowed).",
        "permission_error", null, "insufficient_permissions");

    public static IResult ModelNotFound(string model) => Error(StatusCodes.Status404NotFound,
        $"The model '{Truncate(model)}' does not exist or you do not have access to it.", InvalidRequest, "model", "model_not_found");

    public static IResult ConversationNotFound() => Error(StatusCodes.Status404NotFound,
        "metadata.conversation_id names no conversation of yours.", InvalidRequest, "metadata.conversation_id", "conversation_not_found");

    public static IResult IdempotencyKeyReused() => Error(StatusCodes.Status422UnprocessableEntity,
        "The Idempotency-Key was already used with a different request; use a new key for a new request.",
        InvalidRequest, "Idempotency-Key", "idempotency_key_reused");

    public static IResult ContentFilter(string message) => Error(StatusCodes.Status400BadRequest, message, InvalidRequest,
        "messages", "content_filter");

    public static IResult ProviderUnavailable(string message) => Error(StatusCodes.Status503ServiceUnavailable, message,
        "server_error", null, "service_unavailable");

    public static IResult ServerError(string message) => Error(StatusCodes.Status500InternalServerError, message,
        "server_error", null, "internal_error");

    /// <summary>A refused quota reservation, with the headers OpenAI sends (the refusing limit's reset in both).</summary>
    public static IResult QuotaDenied(ReservationResult result, HttpResponse response, DateTimeOffset now)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(result.RetryAfter(now).TotalSeconds));
        if (result.ResetsAt is not null)
        {
            var unit = result.Limit == "requests_per_minute" ? "requests" : "tokens";
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            response.Headers[$"x-ratelimit-remaining-{unit}"] = "0";
            response.Headers[$"x-ratelimit-reset-{unit}"] = $"{seconds}s";
        }
        return result.Outcome switch
        {
            ReservationOutcome.RateLimited => Error(StatusCodes.Status429TooManyRequests,
                $"Rate limit reached ({result.Limit}); retry after {seconds} s.", "requests", null, "rate_limit_exceeded"),
            ReservationOutcome.QuotaExceeded => Error(StatusCodes.Status402PaymentRequired,
                $"You exceeded your quota ({result.Limit}); it resets at {result.ResetsAt:O}.", "insufficient_quota", null, "insufficient_quota"),
            _ when result.Limit == "tenant" => Error(StatusCodes.Status403Forbidden,
                "An administrator disabled new replies for this workspace.", "permission_error", null, "generation_disabled"),
            _ => ProviderUnavailable("New replies are paused platform-wide by the spend limit; try again later."),
        };
    }

    public static IResult Error(int status, string message, string type, string? param, string? code) =>
        TypedResults.Json(new OpenAiErrorBody(new OpenAiError(message, type, param, code)), OpenAiJson.Options, statusCode: status);

    internal static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
