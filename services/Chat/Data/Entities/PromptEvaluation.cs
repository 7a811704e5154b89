namespace Chatbot.Chat.Data.Entities;

/// <summary>
/// One run of a prompt version's evaluation set: <see cref="Status"/> running, completed or failed; <see cref="Score"/>
/// the mean case score in percent (deterministic checks and the judge's rubric score); <see cref="Cases"/> each case's
/// figures as jsonb (no question or answer text).
/// </summary>
public sealed class PromptEvaluation
{
    public required Guid Id { get; init; }
    public Guid? TenantId { get; init; }
    public required int PromptVersion { get; init; }
    public required string SetName { get; init; }
    public required string Status { get; set; }
    public double? Score { get; set; }
    public string? Cases { get; set; }
    public string? FailureReason { get; set; }
    public Guid? CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}
