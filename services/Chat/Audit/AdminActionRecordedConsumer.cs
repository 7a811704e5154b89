using Chatbot.Contracts.Audit;
using MassTransit;

namespace Chatbot.Chat.Audit;

/// <summary>Stores every service's admin action in chat's audit log, acting for the entry's tenant (the consume filter).</summary>
public sealed class AdminActionRecordedConsumer(AdminAuditStore store) : IConsumer<AdminActionRecorded>
{
    public Task Consume(ConsumeContext<AdminActionRecorded> context) =>
        store.AppendAsync(context.Message.CorrelationId, context.Message, context.CancellationToken);
}
