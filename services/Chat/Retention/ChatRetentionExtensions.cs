using Chatbot.Chat.Retention;

namespace Microsoft.Extensions.Hosting;

/// <summary>Per-tenant retention: the setting's options and the background job that deletes old conversations.</summary>
public static class ChatRetentionExtensions
{
    public static IHostApplicationBuilder AddChatRetention(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        builder.Services.AddSingleton<RetentionJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return builder;
    }
}
