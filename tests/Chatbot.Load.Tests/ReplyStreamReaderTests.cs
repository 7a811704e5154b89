using Chatbot.Load.Client;

namespace Chatbot.Load.Tests;

public class ReplyStreamReaderTests
{
    [Fact]
    public async Task A_stream_ending_with_done_succeeds_and_reports_its_first_token_once()
    {
        var firstTokens = 0;
        var outcome = await ReplyStreamReader.ReadEventsAsync(new StringReader(
            ": heartbeat\n\nid: 1-0\nevent: token\ndata: {\"text\":\"Hi\"}\n\nid: 2-0\nevent: token\ndata: {}\n\nevent: done\ndata: {}\n\n"),
            () => firstTokens++, CancellationToken.None);

        Assert.Null(outcome);
        Assert.Equal(1, firstTokens);
    }

    [Theory]
    [InlineData("event: token\ndata: {}\n\nevent: error\ndata: {\"code\":\"provider\"}\n\n", "sse error: provider")]
    [InlineData("event: token\ndata: {}\n\n", "stream ended early")]
    public async Task A_stream_without_done_is_a_failure(string events, string expected)
    {
        Assert.Equal(expected, await ReplyStreamReader.ReadEventsAsync(new StringReader(events), () => { }, CancellationToken.None));
    }
}
