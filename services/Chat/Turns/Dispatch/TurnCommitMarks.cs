using Chatbot.Contracts.Inference;
using StackExchange.Redis;

namespace Chatbot.Chat.Turns.Dispatch;

/// <summary>
/// Chat's side of the commit mark of a request published before its turn committed (see
/// <see cref="ReplyStreamProtocol.CommitKey"/>): the first mark set decides, so each call says whether this one did.
/// </summary>
public sealed class TurnCommitMarks(IConnectionMultiplexer redis)
{
    /// <summary>True: the worker holding the request goes on. False: a worker gave up waiting first.</summary>
    public Task<bool> TryMarkCommittedAsync(Guid replyId) => TrySetAsync(replyId, ReplyStreamProtocol.Committed);

    /// <summary>The turn's write failed: a worker holding the request drops it now instead of after its wait.</summary>
    public Task<bool> TryMarkAbortedAsync(Guid replyId) => TrySetAsync(replyId, ReplyStreamProtocol.Aborted);

    private Task<bool> TrySetAsync(Guid replyId, string mark) => redis.GetDatabase().StringSetAsync(
        ReplyStreamProtocol.CommitKey(replyId), mark, ReplyStreamProtocol.CommitMarkLifetime, When.NotExists);
}
