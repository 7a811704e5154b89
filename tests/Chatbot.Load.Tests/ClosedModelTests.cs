using Chatbot.Load.Models;

namespace Chatbot.Load.Tests;

public class ClosedModelTests
{
    [Fact]
    public async Task Users_go_on_after_a_failure_and_a_hung_iteration_is_cancelled_after_the_grace()
    {
        var calls = 0;
        var model = new ClosedModel(Users: 2, Duration: TimeSpan.FromSeconds(3), RampUp: TimeSpan.Zero, Grace: TimeSpan.FromMilliseconds(200));

        var run = model.RunAsync(async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) > 4)
            {
                await Task.Delay(Timeout.Infinite, ct); // a reply that never ends
            }
            throw new InvalidOperationException("HTTP 500");
        }, CancellationToken.None);

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
        await run;
        Assert.True(calls > 4, $"only {calls} iterations: a failed iteration stopped its user");
    }
}
