using Chatbot.Contracts.Inference;

namespace Chatbot.Contracts.Moderation;

/// <summary>
/// Asks moderation to check a chat turn before any model sees it. <paramref name="Request"/> is exactly the
/// <see cref="GenerateReply"/> chat would have sent; moderation passes it on (masked where policy says) or answers
/// with <see cref="InputBlocked"/>.
/// </summary>
public sealed record ModerateInput(Guid CorrelationId, DateTimeOffset OccurredAt, GenerateReply Request) : IMessage, ITenantMessage
{
    Guid ITenantMessage.TenantId => Request.TenantId;
}
