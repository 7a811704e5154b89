namespace Chatbot.Chat.Data.Entities;

/// <summary>A user message or an assistant reply. An assistant message's id is the reply id of its stream.</summary>
public sealed class Message
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    public required Guid UserId { get; init; }
    public required Guid ConversationId { get; init; }
    public required string Role { get; init; }
    public required string Content { get; set; }
    /// <summary>
    /// o200k tokens of <see cref="Content"/> (without the chat format's per-message overhead), stored once the content is
    /// final so a later turn's context window reads the count instead of tokenizing the history again. Null on rows
    /// written before the column existed: those are counted when a window needs them.
    /// </summary>
    public int? ContentTokens { get; set; }
    public required string Status { get; set; }
    public Guid? ReplyToMessageId { get; init; }
    public string? Model { get; set; }
    public string? Provider { get; set; }
    public int? PromptVersion { get; set; }
    /// <summary>The prompt used, unambiguously: <c>global:v1</c> or <c>tenant:v3</c> (see <c>PromptReference</c>).</summary>
    public string? PromptRef { get; set; }
    /// <summary>The running prompt experiment that chose this reply's prompt, and its variant (null: none).</summary>
    public Guid? ExperimentId { get; init; }
    public string? Variant { get; init; }
    public int? InputTokens { get; set; }
    public int? OutputTokens { get; set; }
    public decimal? Cost { get; set; }
    public long? LatencyMs { get; set; }
    public long? TimeToFirstTokenMs { get; set; }
    public string? FailureCode { get; set; }
    public string? FailureReason { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}
