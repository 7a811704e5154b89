using Chatbot.Chat.Safety;
using Chatbot.Chat.Http;
using Chatbot.Chat.Turns;

namespace Microsoft.Extensions.Hosting;

/// <summary>Chat's side of moderation: routing turns through <c>ModerateInput</c>, blocked inputs, reports, the API proxy.</summary>
public static class ChatModerationExtensions
{
    public static IHostApplicationBuilder AddChatModeration(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ChatModerationOptions>(ChatModerationOptions.Section);
        builder.Services.AddSingleton<ModerationRouting>();
        if (builder.Configuration["services:moderation:http:0"] is { } moderation && Uri.TryCreate(moderation, UriKind.Absolute, out var uri))
        {
            // The moderation API and the review queue, with the caller's bearer token.
            builder.Services.ForwardToService("moderation", uri, "/api/moderations", "/api/moderation/{**rest}");
        }
        return builder;
    }

    public static WebApplication MapChatModeration(this WebApplication app)
    {
        app.MapReportsApi();
        return app;
    }
}
