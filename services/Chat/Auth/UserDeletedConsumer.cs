using Chatbot.Contracts.Identity;
using MassTransit;

namespace Chatbot.Chat.Auth;

/// <summary>From this moment every chat replica rejects the deleted user's remaining access tokens.</summary>
public sealed class UserDeletedConsumer(RevocationBroadcast broadcast) : IConsumer<UserDeleted>
{
    public Task Consume(ConsumeContext<UserDeleted> context) => broadcast.UserDeletedAsync(context.Message.UserId);
}
