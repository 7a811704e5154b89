namespace Chatbot.Contracts.Inference;

public static class ReplyFailureCodes
{
    public const string Cancelled = "cancelled";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string Timeout = "timeout";
    public const string Internal = "internal";

    /// <summary>The reply could not be checked (its moderation context never arrived): failed closed, nothing streamed.</summary>
    public const string ModerationUnavailable = "moderation_unavailable";
}
