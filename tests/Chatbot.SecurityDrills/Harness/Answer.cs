using System.Text;

namespace Chatbot.SecurityDrills.Harness;

/// <summary>What a route answered: status, media type and body.</summary>
public sealed record Answer(string Request, int Status, string? MediaType, string Body)
{
    public bool IsProblemDetails => MediaType == "application/problem+json";

    public override string ToString() => $"{Request} → {Status} {MediaType} {Body[..Math.Min(Body.Length, 300)]}";

    /// <summary>Sends one request; <paramref name="method"/> "*" (any method) is sent as GET. SSE bodies are not awaited.</summary>
    public static async Task<Answer> SendAsync(HttpClient client, string method, string path, string? json,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        configure?.Invoke(request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = mediaType == "text/event-stream" ? "(event stream)" : await response.Content.ReadAsStringAsync(timeout.Token);
        return new Answer($"{request.Method} {path}", (int)response.StatusCode, mediaType, body);
    }
}
