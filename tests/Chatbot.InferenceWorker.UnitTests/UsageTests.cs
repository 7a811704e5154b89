using Chatbot.InferenceWorker.Usage;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class UsageTests
{
    [Theory]
    [InlineData(1_000, 500, 0.15, 0.60, 0.00045)]
    [InlineData(1_000_000, 1_000_000, 2.5, 10, 12.5)]
    [InlineData(0, 0, 5, 15, 0)]
    [InlineData(1, 1, 0.15, 0.60, 0.00000075)]
    public void Cost_is_tokens_times_price_per_million(int input, int output, double inPrice, double outPrice, double expected) =>
        Assert.Equal((decimal)expected, CostCalculator.Compute(input, output, (decimal)inPrice, (decimal)outPrice));

    [Fact]
    public void O200k_counts_text_tokens_and_message_framing()
    {
        var counter = new O200kTokenCounter();

        Assert.Equal(2, counter.CountText("Hello world"));
        Assert.Equal(0, counter.CountText(""));
        Assert.Equal(2 + 3 + 1 + 3 + 3, counter.CountMessages(["Hello world", "Hi"]));
    }
}
