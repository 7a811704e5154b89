using Chatbot.Contracts.Inference;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.IntegrationTests;

public static class ReplyStreamReader
{
    /// <summary>Polls the reply's stream until an entry of one of <paramref name="types"/> appears; returns every entry.</summary>
    public static async Task<IReadOnlyList<StreamEntry>> ReadUntilAsync(IConnectionMultiplexer redis, Guid replyId, TimeSpan timeout, params string[] types)
    {
        var entries = new List<StreamEntry>();
        var last = "0-0";
        var deadline = DateTime.UtcNow + timeout;
        var db = redis.GetDatabase();
        while (DateTime.UtcNow < deadline)
        {
            foreach (var e in await db.StreamReadAsync(ReplyStreamProtocol.StreamKey(replyId), last))
            {
                entries.Add(new StreamEntry(e.Id!, e[ReplyStreamProtocol.TypeField]!, e[ReplyStreamProtocol.DataField]!, DateTimeOffset.UtcNow));
                last = e.Id!;
            }
            if (entries.Any(e => types.Contains(e.Type))) return entries;
            await Task.Delay(10);
        }
        throw new TimeoutException($"Stream of {replyId} had no {string.Join("/", types)} in {timeout}: {string.Join(", ", entries.Select(e => e.Type))}");
    }

    public static string Text(IEnumerable<StreamEntry> entries) =>
        string.Concat(entries.Where(e => e.Type == ReplyStreamProtocol.Token)
            .Select(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
}
