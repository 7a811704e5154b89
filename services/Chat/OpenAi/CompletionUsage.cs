namespace Chatbot.Chat.OpenAi;

/// <summary>OpenAI's <c>usage</c> object, from the worker's <c>done</c> event (what billing settles).</summary>
public sealed record CompletionUsage(int PromptTokens, int CompletionTokens)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
