namespace Chatbot.Moderation.Providers;

/// <summary>Which OpenAI-compatible endpoint the provider stage calls.</summary>
public enum ProviderApi
{
    /// <summary><c>POST {endpoint}/moderations</c> (OpenAI omni-moderation): categories and scores.</summary>
    Moderations,

    /// <summary>
    /// <c>POST {endpoint}/chat/completions</c> with a guard model (Llama Guard, ShieldGemma, Granite Guardian... served by
    /// vLLM, Ollama or any OpenAI-compatible server) that answers <c>safe</c> or <c>unsafe</c> (then its categories).
    /// </summary>
    ChatCompletions,
}
