using System.Net;

namespace Chatbot.Doctor;

/// <summary>An HTTP answer as the checks read it: status, headers (response and content) and the body as text.</summary>
public sealed class Answer(HttpResponseMessage response, string body)
{
    private readonly Dictionary<string, string> _headers = response.Headers.Concat(response.Content.Headers)
        .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);

    public HttpStatusCode Status { get; } = response.StatusCode;

    public int Code => (int)Status;

    public string Body { get; } = body;

    public Uri? Location { get; } = response.Headers.Location;

    public string? ContentType { get; } = response.Content.Headers.ContentType?.MediaType;

    /// <summary>The header's values joined by ", ", or null when absent.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);
}
