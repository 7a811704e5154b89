using DnsClient;

namespace Chatbot.Doctor;

/// <summary>What every check shares: the options, one HTTP client that follows no redirect, and the DNS resolver.</summary>
public sealed class DoctorContext(DoctorOptions options, HttpClient http, IDnsQuery dns)
{
    public DoctorOptions Options => options;

    /// <summary>Follows no redirect (the redirect and the private-route rows must see the first answer).</summary>
    public HttpClient Http => http;

    public IDnsQuery Dns => dns;

    public Uri Url(string pathAndQuery) => new(Options.Target, pathAndQuery);

    /// <summary>Sends an anonymous request (or one with <paramref name="token"/>) and reads the answer's body as text, at most 2 MB.</summary>
    public async Task<Answer> SendAsync(HttpMethod method, Uri url, CancellationToken ct, string? jsonBody = null,
        string? token = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json");
        }
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.RequestTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = await ReadAtMostAsync(response.Content, 2 * 1024 * 1024, timeout.Token);
        return new Answer(response, body);
    }

    public Task<Answer> GetAsync(string path, CancellationToken ct, string? token = null) => SendAsync(HttpMethod.Get, Url(path), ct, token: token);

    private static async Task<string> ReadAtMostAsync(HttpContent content, int limit, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[limit];
        var read = 0;
        int n;
        while (read < limit && (n = await stream.ReadAsync(buffer.AsMemory(read, limit - read), ct)) > 0)
        {
            read += n;
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
