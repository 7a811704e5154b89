using System.Net;
using System.Net.Sockets;

namespace Chatbot.Aspire.Testing;

/// <summary>
/// An HTTP endpoint on a free loopback port for the outside world a test or benchmark stands in for (a webhook
/// receiver, a telemetry collector): each request goes to <c>handle</c>, which sets the status; the response is then
/// closed. Requests are served one at a time, in order.
/// </summary>
public sealed class LoopbackHttpEndpoint : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerContext, Task> handle;
    private readonly Task loop;
    private volatile bool stopping;

    /// <param name="path">The URL path served, ending with '/'.</param>
    public LoopbackHttpEndpoint(string path, Func<HttpListenerContext, Task> handle)
    {
        this.handle = handle;
        Url = new Uri($"http://127.0.0.1:{FreePort()}{path}");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            // Not IsListening: Stop fails the pending accept before it marks the listener stopped.
            catch (Exception) when (stopping)
            {
                return;
            }
            await handle(context);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        stopping = true;
        listener.Stop();
        listener.Close();
        await loop;
    }
}
