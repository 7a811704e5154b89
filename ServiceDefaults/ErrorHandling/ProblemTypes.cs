namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>Problem <c>type</c> URIs shared by every service (RFC 9457). Add new ones here, never change an existing one.</summary>
public static class ProblemTypes
{
    public const string Prefix = "urn:chatbot:problem:";
    public const string BadRequest = Prefix + "bad-request";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string ServiceUnavailable = Prefix + "service-unavailable";
    public const string InternalError = Prefix + "internal-error";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string IdempotencyKeyInUse = Prefix + "idempotency-key-in-use";
}
