using System.Text.RegularExpressions;
using Chatbot.Contracts.Inference;
using Microsoft.Playwright;
using StackExchange.Redis;

namespace Chatbot.Web.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class QueuePositionTests(BrowserSystemFixture system)
{
    [Fact]
    public async Task A_reply_waiting_for_a_model_slot_shows_its_queue_position_until_its_first_token()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());

        await chat.SendAsync("[[sim:latency=5000;tokens=5]] Take your time");
        await Assertions.Expect(chat.LastReply).ToHaveAttributeAsync("data-id", GuidPattern(), new() { Timeout = 15_000 });
        var replyId = Guid.Parse((await chat.LastReply.GetAttributeAsync("data-id"))!);
        // What a worker whose provider slots are taken writes (see the worker's QueuePositionReporter).
        using var redis = await ConnectionMultiplexer.ConnectAsync((await system.App.GetConnectionStringAsync("redis"))!);
        await redis.GetDatabase().StreamAddAsync(ReplyStreamProtocol.StreamKey(replyId),
        [
            new NameValueEntry(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Queued),
            new NameValueEntry(ReplyStreamProtocol.DataField, """{"position":3,"estimatedWaitMs":4000}"""),
        ]);

        await Assertions.Expect(chat.LastReply.Locator(".meta")).ToHaveTextAsync("Queued, position 3 (about 4 s)…");
        await chat.WaitForReplyAsync(timeoutMs: 30_000);
        await Assertions.Expect(chat.LastReply.Locator(".meta")).Not.ToContainTextAsync("Queued");
    }

    [GeneratedRegex("^[0-9a-f-]{36}$")]
    private static partial Regex GuidPattern();
}
