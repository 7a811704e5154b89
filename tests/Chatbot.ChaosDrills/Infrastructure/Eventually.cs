namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>Polls a condition until it holds or the deadline passes; the drill then fails with the last state it saw.</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, Func<T, string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not within {timeout.TotalSeconds:0} s: {describe(value)}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
