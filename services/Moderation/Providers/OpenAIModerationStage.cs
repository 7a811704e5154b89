using System.Net.Http.Headers;
using System.Text.Json;
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
public sealed partial class OpenAIModerationStage(IHttpClientFactory clients, IOptions<ProviderModerationOptions> options,
    ILogger<OpenAIModerationStage> logger) : IAsyncInputDetector
{
    public const string ClientName = "moderation-provider";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Stage => ProviderModerationOptions.StageName;

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(options.Value.TimeoutMilliseconds);

    public FailMode FailMode => options.Value.FailMode;

    public async Task<IReadOnlyList<Finding>> DetectAsync(string maskedText, ModerationPolicy policy, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseAddress.ToString().TrimEnd('/') + "/moderations"))
        {
            Content = JsonContent.Create(new { model = settings.Model, input = maskedText }),
        };
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogFailed((int)response.StatusCode);
            throw new HttpRequestException($"The moderation provider answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var body = await response.Content.ReadFromJsonAsync<Response>(Json, cancellationToken);
        if (body?.Results is not [var result, ..])
        {
            throw new InvalidOperationException("The moderation provider answered without a result.");
        }
        return [.. result.CategoryScores.Select(score => new Finding(score.Key,
            result.Categories.GetValueOrDefault(score.Key) ? "provider" : "none", score.Value))];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The moderation provider answered {StatusCode}")]
    private partial void LogFailed(int statusCode);

    private sealed record Response(IReadOnlyList<Result>? Results);

    private sealed record Result(
        Dictionary<string, bool> Categories,
        [property: JsonPropertyName("category_scores")] Dictionary<string, double> CategoryScores);
}
