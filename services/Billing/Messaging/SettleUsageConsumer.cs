using Chatbot.Billing.Settlement;
using Chatbot.Contracts.Inference;
using MassTransit;

namespace Chatbot.Billing.Messaging;

public sealed class SettleUsageConsumer(UsageSettlement settlement) : IConsumer<UsageRecorded>
{
    public Task Consume(ConsumeContext<UsageRecorded> context) => settlement.SettleAsync(context.Message, context.CancellationToken);
}
