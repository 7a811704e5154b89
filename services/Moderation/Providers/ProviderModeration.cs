using Chatbot.Moderation.Detectors;

namespace Chatbot.Moderation.Providers;

/// <summary>
/// Binds <c>Moderation:Provider</c>; when it is configured, adds the provider API as an input stage: OpenAI's moderation
/// endpoint or a guard model, per <see cref="ProviderModerationOptions.Api"/>.
/// </summary>
public static class ProviderModeration
{
    public static IHostApplicationBuilder AddProviderModeration(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ProviderModerationOptions>(ProviderModerationOptions.SectionName);
        var settings = builder.Configuration.GetSection(ProviderModerationOptions.SectionName).Get<ProviderModerationOptions>();
        if (settings?.Enabled == true)
        {
            builder.Services.AddHttpClient(ProviderHttp.ClientName);
            if (settings.Api == ProviderApi.ChatCompletions)
            {
                builder.Services.AddSingleton<IAsyncInputDetector, GuardModelStage>();
            }
            else
            {
                builder.Services.AddSingleton<IAsyncInputDetector, OpenAIModerationStage>();
            }
        }
        return builder;
    }
}
