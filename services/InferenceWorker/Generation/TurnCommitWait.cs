using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>
/// The worker's side of the commit mark: polls it (<see cref="RedisKeyPoll"/>) and sets <see cref="ReplyStreamProtocol.Abandoned"/>
/// after <see cref="InferenceOptions.CommitWaitMilliseconds"/> unless chat's mark won (docs/turn-lifecycle.md, 5).
/// </summary>
public sealed class TurnCommitWait(IConnectionMultiplexer redis, IOptions<InferenceOptions> options, TimeProvider timeProvider)
{
    /// <summary>The mark that decided: <see cref="ReplyStreamProtocol.Committed"/> means the reply may be generated.</summary>
    public async Task<string> WaitAsync(Guid replyId, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = ReplyStreamProtocol.CommitKey(replyId);
        var budget = TimeSpan.FromMilliseconds(options.Value.CommitWaitMilliseconds);
        var mark = await RedisKeyPoll.WaitForValueAsync(db, key, budget, timeProvider, cancellationToken);
        if (mark.HasValue) return mark.ToString();
        if (await db.StringSetAsync(key, ReplyStreamProtocol.Abandoned, ReplyStreamProtocol.CommitMarkLifetime, When.NotExists))
        {
            return ReplyStreamProtocol.Abandoned;
        }
        return (await db.StringGetAsync(key)).ToString(); // chat's mark came in between
    }

    /// <summary>The reply has ended: its committed mark expires with its stream instead of a day later.</summary>
    public void Release(Guid replyId) => redis.GetDatabase().KeyExpire(ReplyStreamProtocol.CommitKey(replyId),
        TimeSpan.FromSeconds(options.Value.StreamExpirySeconds), flags: CommandFlags.FireAndForget);
}
