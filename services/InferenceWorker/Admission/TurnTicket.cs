namespace Chatbot.InferenceWorker.Admission;

/// <summary>One turn waiting in <see cref="TurnScheduler"/>; its fields change only under the scheduler's lock.</summary>
internal sealed class TurnTicket(Guid replyId, Guid tenantId, byte priority, int tokens)
{
    public Guid ReplyId { get; } = replyId;
    public Guid TenantId { get; } = tenantId;
    public byte Priority { get; } = priority;

    /// <summary>Prompt plus maximum output tokens, counted against the provider's tokens per minute (0 when it has none).</summary>
    public int Tokens { get; } = tokens;

    public TaskCompletionSource<TurnLease> Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Its place in the tenant's queue while it waits; null once admitted or abandoned.</summary>
    public LinkedListNode<TurnTicket>? Node { get; set; }

    /// <summary>The position its last <c>queued</c> event told the user; 0 before the first.</summary>
    public int ReportedPosition { get; set; }
}
