namespace Chatbot.Chat.Prompts;

/// <summary>Body of POST /api/prompts: a new version of the tenant's system prompt, active at once unless told otherwise.</summary>
public sealed record CreatePromptVersionRequest(string? Content, bool Activate = true)
{
    public const int MaxContentLength = 20_000;
}
