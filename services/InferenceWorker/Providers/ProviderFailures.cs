using System.ClientModel;
using System.Globalization;
using System.Net;
using Chatbot.Simulator;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>Turns the exceptions of Semantic Kernel, the OpenAI SDK, the Anthropic SDK, the simulator and the network into <see cref="ProviderException"/>.</summary>
public static class ProviderFailures
{
    public static ProviderException Normalize(Exception exception) => exception switch
    {
        ProviderException p => p,
        SimulatedFailureException s => new ProviderException(s.Message, s.StatusCode, s.RetryAfter, s.IsConnectionFailure, inner: s),
        HttpOperationException h when h.InnerException is ClientResultException c => FromStatus(c.Status, RetryAfterOf(c), h),
        HttpOperationException h when h.StatusCode is { } status => FromStatus((int)status, null, h),
        HttpOperationException { InnerException: { } inner } => Normalize(inner),
        ClientResultException c when c.Status != 0 => FromStatus(c.Status, RetryAfterOf(c), c),
        ClientResultException { InnerException: { } inner } => Normalize(inner),
        ClientResultException c => new ProviderException("Could not reach the provider.", isConnectionFailure: true, inner: c),
        HttpRequestException { StatusCode: { } status } r => FromStatus((int)status, null, r),
        HttpRequestException r => new ProviderException($"Could not reach the provider ({r.HttpRequestError}).", isConnectionFailure: true, inner: r),
        IOException io => new ProviderException("The connection to the provider dropped.", isConnectionFailure: true, inner: io),
        TimeoutException t => new ProviderException("The provider timed out.", isTimeout: true, inner: t),
        _ when StatusCodeByReflection(exception) is { } status => FromStatus(status, null, exception),
        _ => new ProviderException($"The provider failed ({exception.GetType().Name}).", inner: exception),
    };

    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - now) is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero
            : null;
    }

    private static ProviderException FromStatus(int status, TimeSpan? retryAfter, Exception inner) =>
        new($"The provider answered HTTP {status}.", status, retryAfter, inner: inner);

    private static TimeSpan? RetryAfterOf(ClientResultException c)
    {
        var headers = c.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, CultureInfo.InvariantCulture, out var m)) return TimeSpan.FromMilliseconds(m);
        return headers.TryGetValue("Retry-After", out var value) ? ParseRetryAfter(value, DateTimeOffset.UtcNow) : null;
    }

    /// <summary>SDKs without a shared base type (Anthropic) still expose the HTTP status as a <c>StatusCode</c> property.</summary>
    private static int? StatusCodeByReflection(Exception exception) =>
        exception.GetType().GetProperty("StatusCode")?.GetValue(exception) switch
        {
            HttpStatusCode s => (int)s,
            int i => i,
            _ => null,
        };
}
