using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts;

/// <summary>
/// The identity of a prompt version as replies record it: <c>global:v1</c> for the global default's version 1,
/// <c>tenant:v3</c> for the reply's own tenant's version 3. A version number alone is ambiguous (every tenant's first
/// version is 1, like the global default's).
/// </summary>
public static class PromptReference
{
    public const string GlobalScope = "global";
    public const string TenantScope = "tenant";

    public static string Of(PromptVersion prompt) =>
        $"{(prompt.TenantId is null ? GlobalScope : TenantScope)}:v{prompt.Version}";
}
