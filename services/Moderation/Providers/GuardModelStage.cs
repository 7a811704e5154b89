using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Policy;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.Providers;

/// <summary>
/// An OpenAI-compatible guard model as the provider stage: <c>POST {endpoint}/chat/completions</c> with the masked text
/// as the user turn (temperature 0, a few tokens). The answer's first line <c>unsafe</c> is a finding of
/// <see cref="ProviderModerationOptions.GuardCategory"/> (kind <c>provider</c>, score 1; the second line's categories,
/// e.g. Llama Guard's <c>S14</c>, are not needed for the verdict); <c>safe</c> is a score of 0. Anything else throws,
/// so an unexpected model or prompt format is a bypass under the fail mode rather than a silent pass.
/// </summary>
public sealed class GuardModelStage(IHttpClientFactory clients, IOptions<ProviderModerationOptions> options,
    ILogger<GuardModelStage> logger) : ProviderStage(options)
{
    public override async Task<IReadOnlyList<Finding>> DetectAsync(string maskedText, ModerationPolicy policy, CancellationToken cancellationToken)
    {
        var settings = Settings;
        var body = await ProviderHttp.PostAsync<Completion>(clients, settings, "/chat/completions", new
        {
            model = settings.Model,
            messages = new[] { new { role = "user", content = maskedText } },
            temperature = 0,
            max_tokens = 16,
        }, logger, cancellationToken);
        var answer = body.Choices is [var choice, ..] ? choice.Message?.Content?.Trim() ?? string.Empty : string.Empty;
        var verdict = answer.Split('\n', 2)[0].Trim().ToLowerInvariant();
        return verdict switch
        {
            "unsafe" => [new Finding(settings.GuardCategory, "provider", 1.0)],
            "safe" => [new Finding(settings.GuardCategory, "none", 0.0)],
            _ => throw new InvalidOperationException("The guard model answered neither 'safe' nor 'unsafe'."),
        };
    }

    private sealed record Completion(IReadOnlyList<Choice>? Choices);

    private sealed record Choice(Message? Message);

    private sealed record Message(string? Content);
}
