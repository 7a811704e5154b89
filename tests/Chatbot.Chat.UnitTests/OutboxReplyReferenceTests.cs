using Chatbot.Outbox;
using Chatbot.Chat.Turns.Dispatch;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;

namespace Chatbot.Chat.UnitTests;

public sealed class OutboxReplyReferenceTests
{
    private static readonly Guid ReplyId = Guid.NewGuid();

    private static GenerateReply Command() => new(ReplyId, DateTimeOffset.UtcNow, ReplyId, Guid.NewGuid(), Guid.NewGuid(),
        Guid.NewGuid(), Guid.NewGuid(), "free", 1, [new ChatTurn("user", "hi")], 16);

    [Fact]
    public void The_reply_of_a_GenerateReply_row_and_of_a_ModerateInput_row_is_found()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(ReplyId, OutboxReplyReference.Find(OutboxEntry.Create(Command(), Guid.NewGuid(), Guid.NewGuid(), now).Payload));
        Assert.Equal(ReplyId, OutboxReplyReference.Find(
            OutboxEntry.Create(new ModerateInput(ReplyId, now, Command()), Guid.NewGuid(), Guid.NewGuid(), now).Payload));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"replyId": "not a guid"}""")]
    [InlineData("""{"userId": "6f1c2a4e-5b7d-4e0a-9c3b-2d8e1f0a7b6c"}""")]
    public void A_payload_without_a_readable_reply_id_gives_none(string payload) => Assert.Null(OutboxReplyReference.Find(payload));
}
