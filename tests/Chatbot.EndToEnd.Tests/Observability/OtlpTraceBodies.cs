using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Chatbot.Aspire.Testing;

namespace Chatbot.EndToEnd.Tests.Observability;

/// <summary>
/// A local OTLP/HTTP (protobuf) collector for the services' trace exporters. Each service exports to its own path
/// (<c>/{service}/v1/traces</c>), so a body tells whose spans it holds; only bodies holding a watched trace id (its 16
/// raw bytes, as OTLP encodes it) are kept. Every export (traces, metrics, logs) is answered with an empty success.
/// </summary>
public sealed class OtlpTraceBodies : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> watched = new();
    private readonly ConcurrentQueue<(string Service, string TraceId, byte[] Body)> kept = new();
    private readonly LoopbackHttpEndpoint endpoint;

    public OtlpTraceBodies() => endpoint = new LoopbackHttpEndpoint("/", ReceiveAsync);

    /// <summary>The OTLP base endpoint for <paramref name="service"/>.</summary>
    public string EndpointFor(string service) => new Uri(endpoint.Url, service).ToString();

    public void Watch(string traceId) => watched.TryAdd(traceId, Convert.FromHexString(traceId));

    /// <summary>The services that exported at least one span of the trace.</summary>
    public IReadOnlySet<string> ServicesIn(string traceId) => kept.Where(k => k.TraceId == traceId).Select(k => k.Service).ToHashSet();

    /// <summary>One service's exported bodies holding the trace, read as Latin-1 so names and attribute keys can be searched.</summary>
    public string TextOf(string service, string traceId) =>
        string.Concat(kept.Where(k => k.Service == service && k.TraceId == traceId).Select(k => Encoding.Latin1.GetString(k.Body)));

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var path = context.Request.Url?.AbsolutePath ?? "";
        if (path.EndsWith("/v1/traces", StringComparison.Ordinal))
        {
            var service = path.Trim('/').Split('/')[0];
            var bytes = body.ToArray();
            foreach (var (traceId, id) in watched)
            {
                if (bytes.AsSpan().IndexOf(id) >= 0) kept.Enqueue((service, traceId, bytes));
            }
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-protobuf";
    }

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();
}
