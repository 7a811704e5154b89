namespace Chatbot.Chat.Data.Entities;

/// <summary>Bounds of a stored <see cref="OpenAiPolicy"/>.</summary>
public static class OpenAiPolicyLimits
{
    public const int MaxAliasLength = 100;
    public const int MaxModels = 64;
}
