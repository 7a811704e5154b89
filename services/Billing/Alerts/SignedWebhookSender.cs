using Chatbot.ServiceDefaults.Webhooks;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chatbot.Billing.Alerts;

/// <summary>
/// Posts an alert as JSON signed with <see cref="WebhookSignature"/> (tenants' and operators' webhooks alike); a non-2xx
/// answer throws, so the consumer's retries apply. <c>X-Chatbot-Delivery</c> (the message id) lets a receiver drop repeats.
/// </summary>
public sealed class SignedWebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string HttpClientName = "billing-webhooks";
    public const string DeliveryHeader = "X-Chatbot-Delivery";

    public async Task PostAsync(string url, string secret, object payload, Guid deliveryId, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(payload);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        request.Headers.Add(DeliveryHeader, deliveryId.ToString());
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
