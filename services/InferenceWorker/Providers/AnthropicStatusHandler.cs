using System.Globalization;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// Sits under the Anthropic SDK's HTTP client: an error status becomes a <see cref="ProviderException"/> with the
/// response's <c>retry-after</c>, because the SDK's own exceptions carry the status but drop the headers, and the
/// chain's retry must honour the provider's wait on 429 and 529.
/// </summary>
public sealed class AnthropicStatusHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var status = (int)response.StatusCode;
            throw new ProviderException(
                string.Create(CultureInfo.InvariantCulture, $"The provider answered HTTP {status}."), status, RetryAfter(response));
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        return response.Headers.TryGetValues("retry-after", out var values)
            ? ProviderFailures.ParseRetryAfter(values.FirstOrDefault(), DateTimeOffset.UtcNow)
            : null;
    }
}
