using Chatbot.ServiceDefaults.Paging;

namespace Chatbot.ServiceDefaults.Tests.Paging;

public sealed class KeysetCursorTests
{
    [Fact]
    public void A_cursor_round_trips_and_is_opaque()
    {
        var cursor = new KeysetCursor(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero).AddTicks(1230), Guid.NewGuid());
        var encoded = cursor.Encode();
        Assert.DoesNotContain(cursor.Id.ToString("N"), encoded);
        Assert.True(KeysetCursor.TryDecode(encoded, out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Fact]
    public void No_cursor_means_the_first_page()
    {
        Assert.True(KeysetCursor.TryDecode(null, out var decoded));
        Assert.Null(decoded);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("!!!")]
    [InlineData("MTIz")] // "123": no id
    [InlineData("LTEuYWJj")] // "-1.abc"
    public void Garbage_is_rejected(string value) => Assert.False(KeysetCursor.TryDecode(value, out _));
}
