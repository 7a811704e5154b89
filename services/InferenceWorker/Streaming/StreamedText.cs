using System.Text;
using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.Streaming;

/// <summary>
/// Everything written to one reply stream, per provider and across resets: the text the reader was shown, which is
/// what gets billed when the reply ends without <c>done</c> (cancelled, or every provider failed after streaming).
/// Not thread-safe: <see cref="ReplyStreamWriter"/> calls it under its lock.
/// </summary>
public sealed class StreamedText
{
    private readonly List<(ChatProvider Provider, StringBuilder Text)> segments = [];

    public void Begin(ChatProvider provider) => segments.Add((provider, new StringBuilder()));

    public void Append(string text)
    {
        if (segments.Count > 0)
        {
            segments[^1].Text.Append(text);
        }
    }

    /// <summary>Providers that streamed something, in order, with what each streamed.</summary>
    public IReadOnlyList<(ChatProvider Provider, string Text)> Segments =>
        [.. segments.Where(s => s.Text.Length > 0).Select(s => (s.Provider, s.Text.ToString()))];
}
