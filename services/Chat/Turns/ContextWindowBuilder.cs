using Chatbot.Contracts.Inference;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Chat.Turns;

/// <summary>
/// The turns sent to the model: the system prompt, then the latest history that fits the token budget (o200k),
/// then the new user message. History is dropped oldest first; the system prompt and the new message always stay.
/// History is costed by the token counts stored with each message (<see cref="HistoryTurn.ContentTokens"/>), so a send
/// tokenizes only its new message; a message or prompt version without a stored count is counted here.
/// </summary>
public sealed class ContextWindowBuilder(Tokenizer tokenizer, IOptions<ChatOptions> options)
{
    /// <summary>Per-message overhead of the chat format (role and separators), as OpenAI counts it.</summary>
    private const int TokensPerMessage = 4;

    /// <summary>The most prompt tokens a window holds, unless its system prompt and new message alone are more.</summary>
    public int Budget => options.Value.ContextTokenBudget;

    /// <summary>A message's tokens in a window: its content's plus the format's overhead.</summary>
    public int CountTokens(string text) => CountContentTokens(text) + TokensPerMessage;

    /// <summary>The content's own tokens, the figure stored with a message (<c>messages.content_tokens</c>).</summary>
    public int CountContentTokens(string content) => tokenizer.CountTokens(content);

    /// <summary>
    /// The window and its prompt tokens (message overhead included), counted once here so the quota reservation does not
    /// tokenize the same text again. <paramref name="userContentTokens"/> is the new message's count, which the sender
    /// also stores with it.
    /// </summary>
    /// <param name="historyNewestFirst">Completed earlier messages of the conversation, newest first.</param>
    /// <param name="finalToolCallId">Set when the new message is the result of a caller's tool (a <c>tool</c> turn answering that call), not a user message.</param>
    public (IReadOnlyList<ChatTurn> Turns, int PromptTokens) Build(SystemPrompt systemPrompt,
        IEnumerable<HistoryTurn> historyNewestFirst, string userContent, int userContentTokens, string? finalToolCallId = null)
    {
        var budget = options.Value.ContextTokenBudget;
        var systemTokens = systemPrompt.ContentTokens ?? CountContentTokens(systemPrompt.Content);
        var remaining = budget - (systemTokens + TokensPerMessage) - (userContentTokens + TokensPerMessage);
        var kept = new List<ChatTurn>();
        foreach (var turn in historyNewestFirst)
        {
            var cost = (turn.ContentTokens ?? CountContentTokens(turn.Content)) + TokensPerMessage
                + (turn.ToolCalls?.Sum(c => CountContentTokens(c.Name) + CountContentTokens(c.Arguments)) ?? 0);
            if (cost > remaining)
            {
                break;
            }
            remaining -= cost;
            kept.Add(new ChatTurn(turn.Role, turn.Content, turn.ToolCalls, turn.ToolCallId));
        }
        kept.Reverse();
        var last = finalToolCallId is null ? new ChatTurn("user", userContent) : new ChatTurn("tool", userContent, ToolCallId: finalToolCallId);
        return ([new ChatTurn("system", systemPrompt.Content), .. kept, last], budget - remaining);
    }
}
