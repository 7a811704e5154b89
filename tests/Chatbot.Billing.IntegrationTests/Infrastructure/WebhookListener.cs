using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>A tenant's webhook endpoint on loopback: records every post; the first <c>failFirst</c> posts get a 500.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private int failuresLeft;

    public WebhookListener(int failFirst)
    {
        failuresLeft = failFirst;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/billing/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(LoopAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<(string Body, string Signature, string Timestamp, int Status)> Posts { get; } = new();

    private async Task LoopAsync()
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
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200;
            Posts.Enqueue((body, context.Request.Headers["X-Chatbot-Signature"] ?? "", context.Request.Headers["X-Chatbot-Timestamp"] ?? "", status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
