using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Chatbot.Contracts.Tools;
using Chatbot.ServiceDefaults.Webhooks;
using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// Calls a tool: POST of the arguments as JSON to its endpoint, signed like billing's webhooks
/// (<see cref="WebhookSignature"/>, with the tool's <see cref="ToolSecrets"/> secret), with <c>X-Chatbot-Tool-Call</c> (the
/// call id, for deduplication), a timeout, no redirects, and at most <see cref="ToolOptions.MaxResponseBytes"/> read.
/// Without <c>ServiceAuth:Credential</c> no tool can be signed and every call fails closed.
/// </summary>
public sealed class ToolEndpointClient(IHttpClientFactory clients, IConfiguration configuration, IOptions<ToolOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "tools";
    public const string CallHeader = "X-Chatbot-Tool-Call";

    public async Task<ToolEndpointResult> PostAsync(ToolSpec tool, string argumentsJson, string callId, CancellationToken ct)
    {
        var credential = configuration["ServiceAuth:Credential"];
        if (string.IsNullOrEmpty(credential))
        {
            return ToolEndpointResult.Failure("tool calls are not configured on this worker (no signing key)");
        }
        var limits = options.Value;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, tool.Endpoint)
        {
            Content = new StringContent(argumentsJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(ToolSecrets.For(credential, tool.Id), timestamp, argumentsJson));
        request.Headers.Add(CallHeader, callId);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.CallTimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return ToolEndpointResult.Failure($"the tool answered HTTP {(int)response.StatusCode}");
            }
            if (response.Content.Headers.ContentLength > limits.MaxResponseBytes)
            {
                return ToolEndpointResult.Failure($"the tool's answer is longer than {limits.MaxResponseBytes} bytes");
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[limits.MaxResponseBytes + 1];
            var read = 0;
            while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), timeout.Token) is var n and > 0) read += n;
            return read > limits.MaxResponseBytes
                ? ToolEndpointResult.Failure($"the tool's answer is longer than {limits.MaxResponseBytes} bytes")
                : ToolEndpointResult.Success(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ToolEndpointResult.Failure($"the tool did not answer within {limits.CallTimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return ToolEndpointResult.Failure("the tool could not be reached" + (ex.StatusCode is { } s ? $" (HTTP {(int)s})" : ""));
        }
    }
}
