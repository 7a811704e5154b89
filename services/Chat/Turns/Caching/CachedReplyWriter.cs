using System.Text.Json;
using Chatbot.Contracts.Inference;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Turns.Caching;

/// <summary>
/// Writes a response cache hit to its reply stream as the worker would (one <c>token</c> entry with the whole reply, then
/// <c>done</c> marked <c>cached</c>), in one pipelined batch before the POST answers 202, so the first token is waiting
/// when the client opens the stream. The stored message is completed by <see cref="ReplyGenerated"/> (outbox) as usual.
/// </summary>
public sealed partial class CachedReplyWriter(IConnectionMultiplexer redis, IOptions<ChatOptions> options, ILogger<CachedReplyWriter> logger)
{
    public async Task WriteAsync(GenerateReply command, CachedReply hit)
    {
        var key = ReplyStreamProtocol.StreamKey(command.ReplyId);
        var done = new CachedDoneEvent(hit.InputTokens, hit.OutputTokens, hit.Cost, hit.Model, hit.Provider, command.PromptVersion,
            command.PromptRef, command.ExperimentId, command.Variant);
        try
        {
            var batch = redis.GetDatabase().CreateBatch();
            var token = batch.StreamAddAsync(key, Entry(ReplyStreamProtocol.Token, new { text = hit.Content }));
            var end = batch.StreamAddAsync(key, Entry(ReplyStreamProtocol.Done, done));
            var expiry = batch.KeyExpireAsync(key, options.Value.CancelKeyExpiry);
            batch.Execute();
            await Task.WhenAll(token, end, expiry);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The outbox completes the stored message regardless; a reader that connects is answered from it.
            LogWriteFailed(ex, command.ReplyId);
        }
    }

    private static NameValueEntry[] Entry<T>(string type, T data) =>
        [new(ReplyStreamProtocol.TypeField, type), new(ReplyStreamProtocol.DataField, JsonSerializer.Serialize(data, JsonSerializerOptions.Web))];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {ReplyId}: the cached reply could not be written to its stream")]
    private partial void LogWriteFailed(Exception ex, Guid replyId);
}
