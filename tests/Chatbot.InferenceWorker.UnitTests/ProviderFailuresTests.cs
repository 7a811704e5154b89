using Chatbot.InferenceWorker.Providers;
using Chatbot.Simulator;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class ProviderFailuresTests
{
    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_an_http_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(3), ProviderFailures.ParseRetryAfter("3", now));
        Assert.Equal(TimeSpan.FromSeconds(10), ProviderFailures.ParseRetryAfter("Thu, 01 Jan 2026 12:00:10 GMT", now));
        Assert.Null(ProviderFailures.ParseRetryAfter("soon", now));
        Assert.Null(ProviderFailures.ParseRetryAfter(null, now));
    }

    [Fact]
    public void Network_failures_and_statuses_are_classified_as_transient_or_not()
    {
        Assert.True(ProviderFailures.Normalize(new HttpRequestException("refused")).IsTransient);
        Assert.True(ProviderFailures.Normalize(new IOException("reset")).IsTransient);
        Assert.True(ProviderFailures.Normalize(new HttpRequestException("x", null, System.Net.HttpStatusCode.TooManyRequests)).IsTransient);
        Assert.False(ProviderFailures.Normalize(new HttpRequestException("x", null, System.Net.HttpStatusCode.Unauthorized)).IsTransient);
        Assert.False(ProviderFailures.Normalize(new InvalidOperationException("bug")).IsTransient);
    }

    [Fact]
    public void A_simulated_fault_is_a_provider_failure_with_its_status_retry_after_and_connection_flag()
    {
        var limited = ProviderFailures.Normalize(new SimulatedFailureException("Simulated rate limit (429).", 429, TimeSpan.FromSeconds(2)));
        var dropped = ProviderFailures.Normalize(new SimulatedFailureException("Simulated disconnect.", null, isConnectionFailure: true));

        Assert.Equal((429, TimeSpan.FromSeconds(2), true), (limited.StatusCode, limited.RetryAfter, limited.IsTransient));
        Assert.Equal("Simulated rate limit (429).", limited.Message);
        Assert.True(dropped.IsConnectionFailure);
        Assert.Null(dropped.StatusCode);
    }
}
