using Chatbot.Contracts.Billing;
using Chatbot.ServiceDefaults.Email;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.Billing.KillSwitch;

/// <summary>Mails the kill-switch alert to <c>Billing:Operator:Email</c> (its own queue: a webhook retry never re-sends it).</summary>
public sealed class SendOperatorEmailConsumer(IEmailSender mail, IOptions<OperatorOptions> options) : IConsumer<SpendCeilingReached>
{
    public async Task Consume(ConsumeContext<SpendCeilingReached> context)
    {
        var a = context.Message;
        if (options.Value.Email is { Length: > 0 } to)
        {
            await mail.SendAsync(new EmailMessage(to, $"Kill switch on: platform spend passed {a.CeilingUsd:0.00} USD in hour {a.Hour}",
                $"Platform spend reached {a.SpentUsd:0.00} USD in the UTC hour {a.Hour}, past the ceiling of {a.CeilingUsd:0.00} USD. " +
                "New generations are refused platform-wide until a platform admin clears the kill switch (DELETE /api/billing/kill-switch)."),
                context.CancellationToken);
        }
    }
}
