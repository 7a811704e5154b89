namespace Chatbot.Chat.Tools;

/// <summary>Bounds of a registered tool; Semantic Kernel's function names allow letters, digits and '_'; OpenAI's at most 64 characters.</summary>
public static class ToolLimits
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 1024;
    public const int MaxEndpointLength = 2048;
    public const int MaxSchemaLength = 16 * 1024;
    public const int MaxToolsPerTenant = 32;
    public const int MaxPromptVersions = 50;
}
