using Chatbot.Chat.Limits;
using Chatbot.ServiceDefaults.RateLimiting;

namespace Microsoft.Extensions.Hosting;

/// <summary>Chat is the one public origin, so the request limits (per IP, listing per IP, per tenant by tier) are counted here, for its own and its forwarded routes.</summary>
public static class ChatRequestLimitExtensions
{
    public static IHostApplicationBuilder AddChatRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IRequestLimitRejection, ChatRequestLimitRejection>();
        return builder.AddRequestLimits();
    }
}
