using Chatbot.Chat.Audit;
using Chatbot.Chat.Account;
using Chatbot.Chat.Conversations;
using Chatbot.Chat.Conversations.Export;
using Chatbot.Chat.Messages;
using Chatbot.Chat.Operations;
using Chatbot.Chat.Prompts;
using Chatbot.Chat.Prompts.Experiments;
using Chatbot.Chat.Prompts.Evaluations;
using Chatbot.Chat.Retention;
using Chatbot.Chat.Replies;
using Chatbot.Chat.Replies.Feedback;
using Chatbot.Chat.Tools;
using Scalar.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

public static class ChatApplicationExtensions
{
    /// <summary>Every route of the public chat API (the pipeline is in Program.cs).</summary>
    public static WebApplication MapChatApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }
        app.MapConversationsApi();
        app.MapConversationExportApi();
        app.MapMessagesApi();
        app.MapRepliesApi();
        app.MapFeedbackApi();
        app.MapPromptsApi();
        app.MapExperimentsApi();
        app.MapEvaluationsApi();
        app.MapEvaluationSettingsApi();
        app.MapAccountExportApi();
        app.MapRetentionApi();
        app.MapToolsApi();
        app.MapToolApprovalsApi();
        app.MapAuditApi();
        app.MapReadinessApi();
        return app;
    }
}
