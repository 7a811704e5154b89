using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Safety;
using Chatbot.Outbox;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Turns;

/// <summary>Where a chat turn goes first: wrapped in <see cref="ModerateInput"/> for moderation, or straight to the worker.</summary>
public sealed class ModerationRouting(IOptions<ChatModerationOptions> options)
{
    public OutboxMessage ToOutbox(GenerateReply command, Guid tenantId, Guid conversationId, DateTimeOffset now, byte? priority) =>
        options.Value.Enabled
            ? OutboxEntry.Create(new ModerateInput(command.CorrelationId, now, command), tenantId, conversationId, now, priority)
            : OutboxEntry.Create(command, tenantId, conversationId, now, priority);

    /// <summary>The same route published at once (no outbox): a request that is not a stored turn, e.g. an evaluation's question.</summary>
    public Task PublishAsync(IPublishEndpoint bus, GenerateReply command, DateTimeOffset now, CancellationToken ct) =>
        options.Value.Enabled ? bus.Publish(new ModerateInput(command.CorrelationId, now, command), ct) : bus.Publish(command, ct);
}
