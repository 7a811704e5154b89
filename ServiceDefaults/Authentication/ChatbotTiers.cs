namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>Tenant tiers carried in the <c>tier</c> claim.</summary>
public static class ChatbotTiers
{
    public const string Free = "free";
    public const string Pro = "pro";
    public const string Enterprise = "enterprise";

    public static readonly IReadOnlyList<string> All = [Free, Pro, Enterprise];
}
