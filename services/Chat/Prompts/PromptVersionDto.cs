using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts;

/// <summary>A prompt version; <see cref="Ref"/> is the identity replies record (<c>global:v1</c> / <c>tenant:v3</c>).</summary>
public sealed record PromptVersionDto(int Version, string Content, bool IsActive, bool IsGlobalDefault, DateTimeOffset CreatedAt, string Ref)
{
    public static PromptVersionDto From(PromptVersion p) =>
        new(p.Version, p.Content, p.IsActive, p.TenantId is null, p.CreatedAt, PromptReference.Of(p));
}
