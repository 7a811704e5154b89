using System.Collections.Concurrent;
using System.Net;
using Chatbot.Aspire.Testing;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>A tenant's webhook endpoint on loopback: records every post; the first <c>failFirst</c> posts get a 500.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly LoopbackHttpEndpoint endpoint;
    private int failuresLeft;

    public WebhookListener(int failFirst)
    {
        failuresLeft = failFirst;
        endpoint = new LoopbackHttpEndpoint("/hooks/billing/", RecordAsync);
    }

    public string Url => endpoint.Url.ToString();
    public ConcurrentQueue<(string Body, string Signature, string Timestamp, int Status)> Posts { get; } = new();

    private async Task RecordAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var status = Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200;
        Posts.Enqueue((body, context.Request.Headers["X-Chatbot-Signature"] ?? "", context.Request.Headers["X-Chatbot-Timestamp"] ?? "", status));
        context.Response.StatusCode = status;
    }

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();
}
