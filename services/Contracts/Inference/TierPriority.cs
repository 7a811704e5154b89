namespace Chatbot.Contracts.Inference;

/// <summary>
/// RabbitMQ message priority per tenant tier, the one mapping: the worker's <c>generate-reply</c> queue is declared with
/// <c>x-max-priority</c> = <see cref="Max"/>, and every publisher of <c>GenerateReply</c> (chat's outbox, moderation) sets
/// <c>TierPriority.For(tier)</c>.
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
