using Chatbot.Chat.OpenAi;

namespace Microsoft.Extensions.Hosting;

/// <summary>The OpenAI-compatible door (<c>/v1</c>): options, the turn starter and the moderation client.</summary>
public static class ChatOpenAiExtensions
{
    public static IHostApplicationBuilder AddChatOpenAi(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<OpenAiOptions>(OpenAiOptions.Section);
        builder.Services.AddScoped<CompletionStarter>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<OpenAiPolicyStore>();
        builder.Services.AddHttpClient(OpenAiModerations.HttpClientName, c =>
        {
            if (builder.Configuration["services:moderation:http:0"] is { } moderation && Uri.TryCreate(moderation, UriKind.Absolute, out var uri))
            {
                c.BaseAddress = uri;
            }
        }).WithServiceCredential();
        return builder;
    }

    public static WebApplication MapChatOpenAi(this WebApplication app)
    {
        app.MapOpenAiApi();
        app.MapOpenAiPolicyApi();
        return app;
    }
}
