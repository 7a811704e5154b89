using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Streaming;

/// <summary>Appends one entry to a reply stream without waiting; a writer's first entry goes through <see cref="FirstEntryScript"/>.</summary>
public static class StreamEntries
{
    public static Task AppendAsync(IDatabase db, string key, string type, string data, InferenceOptions options, bool first) =>
        first
            ? FirstEntryScript.AppendAsync(db, key, type, data, options)
            : db.StreamAddAsync(key,
                [new NameValueEntry(ReplyStreamProtocol.TypeField, type), new NameValueEntry(ReplyStreamProtocol.DataField, data)],
                maxLength: options.StreamMaxLength, useApproximateMaxLength: true);
}
