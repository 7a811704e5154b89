using Chatbot.Contracts.Inference;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class TierPriorityTests
{
    [Theory]
    [InlineData("enterprise", 3)]
    [InlineData("Pro", 2)]
    [InlineData("free", 1)]
    [InlineData(null, 1)]
    [InlineData("unknown", 1)]
    public void Enterprise_goes_before_pro_before_free(string? tier, byte expected) =>
        Assert.Equal(expected, TierPriority.For(tier));
}
