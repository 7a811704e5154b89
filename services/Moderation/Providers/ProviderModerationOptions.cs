using System.ComponentModel.DataAnnotations;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Providers;

/// <summary>
/// <c>Moderation:Provider:*</c>: a provider moderation API (OpenAI's <c>/v1/moderations</c>, or an OpenAI-compatible
/// guard model through <c>/v1/chat/completions</c>) as one more input stage, by default only as a second opinion in the
/// injection grey zone. Off unless <see cref="ApiKey"/> or <see cref="Endpoint"/> is set; the key comes from
/// configuration or the environment (<c>Moderation__Provider__ApiKey</c>), never from code.
/// </summary>
public sealed class ProviderModerationOptions
{
    public const string SectionName = "Moderation:Provider";
    public const string StageName = "provider";

    /// <summary>Base address of the API, e.g. <c>https://api.openai.com/v1</c> (the default when only a key is set).</summary>
    public Uri? Endpoint { get; set; }

    [Required]
    public string Model { get; set; } = "omni-moderation-latest";

    public string? ApiKey { get; set; }

    [Range(50, 60_000)]
    public int TimeoutMilliseconds { get; set; } = 2000;

    /// <summary>What happens when the API fails or times out, unless the tenant policy names a mode for <c>provider</c>.</summary>
    public FailMode FailMode { get; set; } = FailMode.Closed;

    /// <summary><see cref="RemoteStageScope.GreyZone"/> (default): called only between the tenant's two injection cut-offs.</summary>
    public RemoteStageScope Scope { get; set; } = RemoteStageScope.GreyZone;

    public ProviderApi Api { get; set; } = ProviderApi.Moderations;

    /// <summary>The category a guard model's <c>unsafe</c> answer is reported under (<see cref="ProviderApi.ChatCompletions"/>).</summary>
    [Required]
    public string GuardCategory { get; set; } = ModerationCategories.PromptInjection;

    public bool Enabled => Endpoint is not null || !string.IsNullOrWhiteSpace(ApiKey);

    public Uri BaseAddress => Endpoint ?? new Uri("https://api.openai.com/v1");
}
