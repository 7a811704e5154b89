namespace Chatbot.Moderation.Detectors;

/// <summary>Our own categories, reported next to any harmful-content categories of the tenant's lists.</summary>
public static class ModerationCategories
{
    public const string PromptInjection = "prompt_injection";

    /// <summary>The grey zone: possibly an injection; answered with the message marked as untrusted data, and reviewed.</summary>
    public const string SuspectedInjection = "prompt_injection_suspected";
    public const string Pii = "pii";
    public const string Secret = "secret";
    public const string SystemPromptLeak = "system_prompt_leak";

    public static readonly IReadOnlyList<string> Own = [PromptInjection, SuspectedInjection, Pii, Secret, SystemPromptLeak];

    public static bool IsOwn(string category) => Own.Contains(category, StringComparer.OrdinalIgnoreCase);
}
