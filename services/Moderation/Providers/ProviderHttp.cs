using System.Net.Http.Headers;

namespace Chatbot.Moderation.Providers;

/// <summary>One JSON POST to the configured provider (bearer key when set); a non-success answer throws.</summary>
public static partial class ProviderHttp
{
    public const string ClientName = "moderation-provider";

    public static async Task<T> PostAsync<T>(IHttpClientFactory clients, ProviderModerationOptions settings, string path,
        object body, ILogger logger, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseAddress.ToString().TrimEnd('/') + path))
        {
            Content = JsonContent.Create(body),
        };
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogFailed(logger, path, (int)response.StatusCode);
            throw new HttpRequestException($"The moderation provider answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        return await response.Content.ReadFromJsonAsync<T>(System.Text.Json.JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException("The moderation provider answered with an empty body.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The moderation provider answered {StatusCode} on {Path}")]
    private static partial void LogFailed(ILogger logger, string path, int statusCode);
}
