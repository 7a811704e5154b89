using Chatbot.Contracts.Inference;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Chat.Messages;

/// <summary>
/// The turns sent to the model: the system prompt, then the latest history that fits the token budget (o200k),
/// then the new user message. History is dropped oldest first; the system prompt and the new message always stay.
/// </summary>
public sealed class ContextWindowBuilder(Tokenizer tokenizer, IOptions<ChatOptions> options)
{
    /// <summary>Per-message overhead of the chat format (role and separators), as OpenAI counts it.</summary>
    private const int TokensPerMessage = 4;

    public int CountTokens(string text) => tokenizer.CountTokens(text) + TokensPerMessage;

    /// <param name="historyNewestFirst">Completed earlier messages of the conversation, newest first.</param>
    public IReadOnlyList<ChatTurn> Build(string systemPrompt, IEnumerable<ChatTurn> historyNewestFirst, string userContent) =>
        BuildCounted(systemPrompt, historyNewestFirst, userContent).Turns;

    /// <summary>
    /// The window and its prompt tokens (message overhead included), counted once here so the quota reservation does not
    /// tokenize the same text again.
    /// </summary>
    public (IReadOnlyList<ChatTurn> Turns, int PromptTokens) BuildCounted(string systemPrompt, IEnumerable<ChatTurn> historyNewestFirst,
        string userContent)
    {
        var budget = options.Value.ContextTokenBudget;
        var remaining = budget - CountTokens(systemPrompt) - CountTokens(userContent);
        var kept = new List<ChatTurn>();
        foreach (var turn in historyNewestFirst)
        {
            var cost = CountTokens(turn.Content);
            if (cost > remaining)
            {
                break;
            }
            remaining -= cost;
            kept.Add(turn);
        }
        kept.Reverse();
        return ([new ChatTurn("system", systemPrompt), .. kept, new ChatTurn("user", userContent)], budget - remaining);
    }
}
