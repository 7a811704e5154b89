using Chatbot.Contracts.Inference;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

public static class Usage
{
    public static UsageRecorded Of(Guid tenantId, Guid userId, int input, int output, decimal cost, Guid? replyId = null)
    {
        var id = replyId ?? Guid.NewGuid();
        return new UsageRecorded(id, DateTimeOffset.UtcNow, id, tenantId, userId, Guid.NewGuid(), "simulator", "sim-" + Guid.NewGuid().ToString("N")[..6],
            1, input, output, cost);
    }
}
