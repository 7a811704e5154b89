using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Tests;

public sealed class RestartBackoffTests
{
    [Fact]
    public void Delays_double_up_to_thirty_seconds()
    {
        var backoff = new RestartBackoff(TimeProvider.System);

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.NextDelay().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }
}
