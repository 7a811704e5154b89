using Microsoft.AspNetCore.Authorization;

namespace Chatbot.Chat.Auth;

public static class ChatPolicies
{
    /// <summary>A user of a tenant: the token names a user id and a tenant id.</summary>
    public const string ChatUser = "chat-user";

    /// <summary>A tenant administrator (role <c>tenant-admin</c> or <c>admin</c>).</summary>
    public const string TenantAdmin = "tenant-admin";

    public static AuthorizationBuilder AddChatPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ChatUser, p => p.RequireAuthenticatedUser().RequireAssertion(c => CurrentUser.From(c.User) is not null))
        .AddPolicy(TenantAdmin, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => CurrentUser.From(c.User) is { IsTenantAdmin: true }));
}
