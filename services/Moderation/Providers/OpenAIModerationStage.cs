using System.Text.Json.Serialization;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Policy;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.Providers;

/// <summary>
/// Calls <c>POST {endpoint}/moderations</c> with the masked text and turns every category of the first result into a
/// finding (flagged → kind <c>provider</c>, otherwise <c>none</c>) with its score, under the provider's category names
/// (<c>harassment</c>, <c>self-harm/intent</c>...). Failures throw; the moderator applies the fail mode.
/// </summary>
public sealed class OpenAIModerationStage(IHttpClientFactory clients, IOptions<ProviderModerationOptions> options,
    ILogger<OpenAIModerationStage> logger) : ProviderStage(options)
{
    public override async Task<IReadOnlyList<Finding>> DetectAsync(string maskedText, ModerationPolicy policy, CancellationToken cancellationToken)
    {
        var settings = Settings;
        var body = await ProviderHttp.PostAsync<Response>(clients, settings, "/moderations",
            new { model = settings.Model, input = maskedText }, logger, cancellationToken);
        if (body.Results is not [var result, ..])
        {
            throw new InvalidOperationException("The moderation provider answered without a result.");
        }
        return [.. result.CategoryScores.Select(score => new Finding(score.Key,
            result.Categories.GetValueOrDefault(score.Key) ? "provider" : "none", score.Value))];
    }

    private sealed record Response(IReadOnlyList<Result>? Results);

    private sealed record Result(
        Dictionary<string, bool> Categories,
        [property: JsonPropertyName("category_scores")] Dictionary<string, double> CategoryScores);
}
