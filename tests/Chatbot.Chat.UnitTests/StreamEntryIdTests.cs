using Chatbot.Chat.Replies;

namespace Chatbot.Chat.UnitTests;

public sealed class StreamEntryIdTests
{
    [Fact]
    public void Ids_compare_by_milliseconds_then_sequence()
    {
        Assert.True(StreamEntryId.TryParse("1700000000000-1", out var a));
        Assert.True(StreamEntryId.TryParse("1700000000000-10", out var b));
        Assert.True(StreamEntryId.TryParse("1700000000001-0", out var c));
        Assert.True(a < b && b < c);
        Assert.Equal("1700000000000-10", b.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("-1")]
    [InlineData("1-")]
    [InlineData("1--2")]
    [InlineData("1-2-3")]
    public void Malformed_ids_are_rejected(string value) => Assert.False(StreamEntryId.TryParse(value, out _));
}
