namespace Chatbot.Chat.Retention;

/// <summary>A tenant's latest retention run; <see cref="InProgress"/> while it deletes (the counts are its progress so far).</summary>
public sealed record RetentionRun(
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset? Cutoff, long ConversationsDeleted, long MessagesDeleted)
{
    public bool InProgress => FinishedAt is null;
}
