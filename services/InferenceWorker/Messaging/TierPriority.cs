namespace Chatbot.InferenceWorker.Messaging;

/// <summary>
/// RabbitMQ message priority per tenant tier: the <c>generate-reply</c> queue is declared with <c>x-max-priority</c>
/// = <see cref="Max"/>, and the publisher of <c>GenerateReply</c> sets <c>context.SetPriority(TierPriority.For(tier))</c>.
/// </summary>
public static class TierPriority
{
    public const byte Max = 3;

    public static byte For(string? tier) => tier?.ToLowerInvariant() switch
    {
        "enterprise" => 3,
        "pro" => 2,
        _ => 1,
    };
}
