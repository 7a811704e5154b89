using System.Text;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Streaming;

/// <summary>The Redis side of replies: writers for new streams, snapshots of existing ones, the cancel flag.</summary>
public sealed class ReplyStreams(IConnectionMultiplexer redis, IOptions<InferenceOptions> options, TimeProvider timeProvider)
{
    public ReplyStreamWriter OpenWriter(Guid replyId) =>
        new(redis.GetDatabase(), ReplyStreamProtocol.StreamKey(replyId), options.Value, timeProvider);

    public Task<bool> IsCancelRequestedAsync(Guid replyId) =>
        redis.GetDatabase().KeyExistsAsync(ReplyStreamProtocol.CancelKey(replyId));

    public async Task<ReplyStreamSnapshot> ReadAsync(Guid replyId)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(ReplyStreamProtocol.StreamKey(replyId));
        var content = new StringBuilder();
        var generated = false;
        DoneEvent? done = null;
        ErrorEvent? error = null;
        foreach (var entry in entries)
        {
            string type = entry[ReplyStreamProtocol.TypeField].ToString();
            string data = entry[ReplyStreamProtocol.DataField].ToString();
            generated |= type != ReplyStreamProtocol.Queued; // queue positions are no attempt at the reply
            switch (type)
            {
                case ReplyStreamProtocol.Token:
                    content.Append(ReplyStreamJson.Deserialize<TokenEvent>(data)?.Text);
                    break;
                case ReplyStreamProtocol.Reset:
                    content.Clear();
                    break;
                case ReplyStreamProtocol.Done:
                    done = ReplyStreamJson.Deserialize<DoneEvent>(data);
                    break;
                case ReplyStreamProtocol.Error:
                    error = ReplyStreamJson.Deserialize<ErrorEvent>(data);
                    break;
            }
        }
        return generated ? new ReplyStreamSnapshot(true, content.ToString(), done, error) : ReplyStreamSnapshot.Empty;
    }
}
