using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Chatbot.Benchmarks.Tracing;

/// <summary>
/// A local OTLP/HTTP (protobuf) endpoint for the services' trace exporters: keeps the spans of the traces the probe
/// asked for (<see cref="Watch"/>) and answers every export (traces, logs, metrics) with an empty success.
/// </summary>
public sealed class OtlpTraceReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TraceSpan>> traces = new();
    private readonly Task loop;

    public OtlpTraceReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    public TracedTurn Watch(TracedTurn turn)
    {
        traces.TryAdd(turn.TraceId, new ConcurrentQueue<TraceSpan>());
        return turn;
    }

    public IReadOnlyList<TraceSpan> Spans(string traceId) => traces.TryGetValue(traceId, out var spans) ? [.. spans] : [];

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
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
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(2)); } catch (Exception) { /* stopping */ }
    }
}
