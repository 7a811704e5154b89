using Chatbot.Contracts.Identity;
using MassTransit;

namespace Chatbot.Chat.Auth;

/// <summary>Evicts a revoked API key from every chat replica's cache.</summary>
public sealed class ApiKeyRevokedConsumer(RevocationBroadcast broadcast) : IConsumer<ApiKeyRevoked>
{
    public Task Consume(ConsumeContext<ApiKeyRevoked> context) => broadcast.ApiKeyRevokedAsync(context.Message.ApiKeyId);
}
