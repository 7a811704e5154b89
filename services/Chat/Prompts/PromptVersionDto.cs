using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts;

public sealed record PromptVersionDto(int Version, string Content, bool IsActive, bool IsGlobalDefault, DateTimeOffset CreatedAt)
{
    public static PromptVersionDto From(PromptVersion p) => new(p.Version, p.Content, p.IsActive, p.TenantId is null, p.CreatedAt);
}
