namespace Chatbot.Contracts.Inference;

/// <summary>
/// The Redis Stream a worker writes a reply's tokens to and any chat replica reads as SSE. Each entry has the fields
/// <see cref="TypeField"/> (queued | token | reset | error | done) and <see cref="DataField"/> (the JSON payload of the SSE event);
/// the entry id is the SSE event id, so <c>Last-Event-ID</c> resumes with XREAD after it.
/// Cancellation: chat sets <see cref="CancelKey"/> and publishes the reply id on <see cref="CancelChannel"/>.
/// Wake-up: a worker publishes on <see cref="ActivityChannel"/> with the first entry it writes to a stream, so chat
/// replicas read new streams at once instead of at their next poll (time to first token). The message is the stream
/// key; when that entry is the stream's very first, it also carries the entry (key, id, type and data, separated by
/// <see cref="ActivitySeparator"/>), so a replica hands it to its clients without reading the stream.
/// <see cref="CommitKey"/>: the commit mark of a request published before its turn committed; the first mark set (SET NX)
/// decides (docs/turn-lifecycle.md, 3: commit mark).
/// </summary>
public static class ReplyStreamProtocol
{
    public const string TypeField = "type";
    public const string DataField = "data";
    /// <summary>The turn waits for a provider slot: <c>{position, estimatedWaitMs}</c>; any number before the first token, never after it.</summary>
    public const string Queued = "queued";
    public const string Token = "token";
    public const string Reset = "reset";
    public const string Error = "error";
    public const string Done = "done";
    /// <summary>A call of a caller-run tool (<see cref="ChatToolCall"/> as <c>{index, id, name, arguments}</c>), whole; the reply then ends with <c>done</c>.</summary>
    public const string ToolCall = "tool_call";
    public const string CancelChannel = "chatbot:reply-cancel";
    public const string ActivityChannel = "chatbot:reply-activity";
    public const char ActivitySeparator = '\n'; // never inside a key, an entry id, a type or (escaped) JSON data

    public const string Committed = "committed";
    public const string Aborted = "aborted";
    public const string Abandoned = "abandoned";

    /// <summary>A mark outlives any wait for it; a worker shortens a committed one to the stream's expiry when the reply ends.</summary>
    public static readonly TimeSpan CommitMarkLifetime = TimeSpan.FromHours(24);

    public static string StreamKey(Guid replyId) => $"chatbot:reply:{replyId:N}:stream";
    public static string CancelKey(Guid replyId) => $"chatbot:reply:{replyId:N}:cancelled";
    public static string CommitKey(Guid replyId) => $"chatbot:reply:{replyId:N}:commit";
}
