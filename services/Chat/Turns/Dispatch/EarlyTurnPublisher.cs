using Chatbot.Billing.Quotas;
using Chatbot.Chat.Safety;
using Chatbot.Outbox;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Turns.Dispatch;

/// <summary>Sends a granted fast-path turn's <see cref="GenerateReply"/> before its commit, marked <c>AwaitCommit</c> (docs/turn-lifecycle.md, 3: early publish).</summary>
public sealed partial class EarlyTurnPublisher(OutboxPublisher publisher, IOptions<OutboxOptions> options,
    IOptions<ChatModerationOptions> moderation, ILogger<EarlyTurnPublisher> logger)
{
    /// <summary>Null when the turn goes out after its commit only (setting off, or moderation first).</summary>
    public EarlyTurn? Start(GenerateReply command, Task<ReservationResult> reservation, byte? priority) =>
        options.Value.PublishBeforeCommit && !moderation.Value.Enabled
            ? new EarlyTurn(command.ReplyId, PublishWhenGrantedAsync(command, reservation, priority))
            : null;

    private async Task<bool> PublishWhenGrantedAsync(GenerateReply command, Task<ReservationResult> reservation, byte? priority)
    {
        ReservationResult quota;
        try
        {
            quota = await reservation;
        }
        catch (Exception)
        {
            return false; // the sender fails the turn and reports why
        }
        if (!quota.IsGranted)
        {
            return false;
        }
        using var timeout = new CancellationTokenSource(options.Value.FastPathGrace / 2);
        try
        {
            // A message id of its own, not the row's: a handed-over row is a message of its own.
            await publisher.PublishAsync(TurnReservation.WithinGrant(command, quota) with { AwaitCommit = true }, typeof(GenerateReply),
                NewId.NextGuid(), priority, timeout.Token);
            return true;
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, command.ReplyId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {ReplyId}: the request could not be sent before its commit; the outbox row carries it")]
    private partial void LogPublishFailed(Exception ex, Guid replyId);
}
