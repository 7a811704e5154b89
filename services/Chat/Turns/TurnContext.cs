using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Turns;

/// <summary>What a send reads before writing: the owned conversation, the prompt, the history, whether the outbox is busy.</summary>
public sealed class TurnContext
{
    public required Conversation Conversation { get; init; }
    public PromptVersion? Prompt { get; init; }
    /// <summary>The running prompt experiment of the tenant, else the global one (whether it applies: <c>ExperimentRouter</c>).</summary>
    public PromptExperiment? Experiment { get; init; }
    public required List<HistoryTurn> History { get; init; }
    /// <summary>An earlier outbox row of the conversation is still live: the new row waits its turn.</summary>
    public required bool OutboxBusy { get; init; }
}
