using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Streaming;

/// <summary>
/// A writer's first entry: XADD, the in-progress expiry and the wake-up on <see cref="ReplyStreamProtocol.ActivityChannel"/>
/// in one script. When the entry is the stream's very first (a new reply, not a restart after <c>reset</c>), the
/// wake-up carries the entry itself, so chat replicas hand the first token to their clients without an XREAD.
/// </summary>
public static class FirstEntryScript
{
    private const string Script = """
        local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', ARGV[2], ARGV[3], ARGV[4], ARGV[5])
        redis.call('EXPIRE', KEYS[1], ARGV[6])
        if redis.call('XLEN', KEYS[1]) == 1 then
          redis.call('PUBLISH', ARGV[7], table.concat({KEYS[1], id, ARGV[3], ARGV[5]}, ARGV[8]))
        else
          redis.call('PUBLISH', ARGV[7], KEYS[1])
        end
        return id
        """;

    public static Task AppendAsync(IDatabase db, string key, string type, string data, InferenceOptions options) =>
        db.ScriptEvaluateAsync(Script, [key],
        [
            options.StreamMaxLength, ReplyStreamProtocol.TypeField, type, ReplyStreamProtocol.DataField, data,
            options.InProgressStreamExpirySeconds, ReplyStreamProtocol.ActivityChannel, ReplyStreamProtocol.ActivitySeparator.ToString(),
        ]);
}
