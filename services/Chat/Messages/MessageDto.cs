using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Messages;

public sealed record MessageDto(
    Guid Id,
    string Role,
    string Content,
    string Status,
    string? Model,
    string? Provider,
    int? PromptVersion,
    string? PromptRef,
    int? InputTokens,
    int? OutputTokens,
    decimal? Cost,
    long? LatencyMs,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    Guid? Experiment = null,
    string? Variant = null)
{
    public static MessageDto From(Message m) => new(m.Id, m.Role, m.Content, m.Status, m.Model, m.Provider,
        m.PromptVersion, m.PromptRef, m.InputTokens, m.OutputTokens, m.Cost, m.LatencyMs, m.FailureReason, m.CreatedAt, m.CompletedAt,
        m.ExperimentId, m.Variant);
}
