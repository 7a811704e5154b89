using Chatbot.Moderation.Detectors;

namespace Chatbot.Moderation.Providers;

/// <summary>Binds <c>Moderation:Provider</c>; when it is configured, adds the provider API as an input stage.</summary>
public static class ProviderModeration
{
    public static IHostApplicationBuilder AddProviderModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProviderModerationOptions>().BindConfiguration(ProviderModerationOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(ProviderModerationOptions.SectionName).Get<ProviderModerationOptions>();
        if (settings?.Enabled == true)
        {
            builder.Services.AddHttpClient(OpenAIModerationStage.ClientName);
            builder.Services.AddSingleton<IAsyncInputDetector, OpenAIModerationStage>();
        }
        return builder;
    }
}
