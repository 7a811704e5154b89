namespace Chatbot.Contracts.Inference;

public static class ReplyFailureCodes
{
    public const string Cancelled = "cancelled";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string Timeout = "timeout";
    public const string Internal = "internal";
}
