using Chatbot.Chat.Conversations;
using Chatbot.Chat.Messages;
using Chatbot.Chat.Prompts;
using Chatbot.Chat.Replies;
using Chatbot.Chat.Tenancy;
using Scalar.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

public static class ChatApplicationExtensions
{
    /// <summary>The request pipeline and every route of the public chat API.</summary>
    public static WebApplication MapChatApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TenantContextMiddleware>();

        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }
        app.MapConversationsApi();
        app.MapMessagesApi();
        app.MapRepliesApi();
        app.MapPromptsApi();
        return app;
    }
}
