using System.Collections.Concurrent;
using System.Net;
using Chatbot.Aspire.Testing;

namespace Chatbot.Load.Tracing;

/// <summary>
/// A local OTLP/HTTP (protobuf) endpoint for the services' trace exporters: keeps the spans of the traces the probe
/// asked for (<see cref="Watch"/>) and answers every export (traces, logs, metrics) with an empty success.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TraceSpan>> traces = new();
    private readonly LoopbackHttpEndpoint endpoint;

    public OtlpTraceReceiver() => endpoint = new LoopbackHttpEndpoint("/", ReceiveAsync);

    public Uri Endpoint => endpoint.Url;

    public TracedTurn Watch(TracedTurn turn)
    {
        traces.TryAdd(turn.TraceId, new ConcurrentQueue<TraceSpan>());
        return turn;
    }

    public IReadOnlyList<TraceSpan> Spans(string traceId) => traces.TryGetValue(traceId, out var spans) ? [.. spans] : [];

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        if (context.Request.Url?.AbsolutePath == "/v1/traces")
        {
            foreach (var span in OtlpTraceParser.Parse(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                if (traces.TryGetValue(span.TraceId, out var watched)) watched.Enqueue(span);
            }
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-protobuf";
    }

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();
}
