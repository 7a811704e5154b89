using Chatbot.Load.Models;

namespace Chatbot.Load.Tests;

public class OpenModelTests
{
    [Fact]
    public async Task Arrivals_that_find_the_in_flight_cap_full_are_dropped_and_counted()
    {
        using var release = new SemaphoreSlim(0);
        var model = new OpenModel(RatePerSecond: 50, Duration: TimeSpan.FromSeconds(1), MaxInFlight: 3, LateAfter: TimeSpan.FromSeconds(5));

        var run = model.RunAsync(async ct => await release.WaitAsync(ct), TimeSpan.FromSeconds(1), CancellationToken.None);
        var result = await run;

        Assert.Equal(50, result.Scheduled);
        Assert.Equal(3, result.Started);
        Assert.Equal(47, result.Dropped);
    }

    [Fact]
    public async Task Arrivals_keep_their_rate_whatever_the_latency_of_the_iteration()
    {
        var model = new OpenModel(RatePerSecond: 100, Duration: TimeSpan.FromSeconds(1), MaxInFlight: 1_000, LateAfter: TimeSpan.FromSeconds(5));

        var result = await model.RunAsync(ct => Task.Delay(300, ct), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(100, result.Started); // a closed model with 1 user would have managed 4
        Assert.Equal(0, result.Dropped);
    }
}
