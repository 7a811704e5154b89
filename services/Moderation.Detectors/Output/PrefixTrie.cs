namespace Chatbot.Moderation.Detectors.Output;

/// <summary>A character trie: node 0 is the root; a node reached by a whole key holds that key's values.</summary>
internal sealed class PrefixTrie<T>
{
    public const int Root = 0;
    private readonly Dictionary<(int Node, char C), int> edges = [];
    private readonly List<List<T>?> values = [null];

    public int MaxKeyLength { get; private set; }

    public void Add(string key, T value)
    {
        var node = Root;
        foreach (var c in key)
        {
            if (!edges.TryGetValue((node, c), out var next))
            {
                next = values.Count;
                values.Add(null);
                edges[(node, c)] = next;
            }
            node = next;
        }
        (values[node] ??= []).Add(value);
        MaxKeyLength = Math.Max(MaxKeyLength, key.Length);
    }

    /// <summary>
    /// Walks every cursor (a key being spelt from <c>Start</c>) one character: a new cursor starts at
    /// <paramref name="index"/> when <paramref name="mayStart"/>, a cursor with no edge for <paramref name="c"/> is
    /// dropped, and each key completed here is added to <paramref name="completed"/> with its start.
    /// </summary>
    public void Advance(List<(int Start, int Node)> cursors, char c, int index, bool mayStart, List<(int Start, T Value)> completed)
    {
        if (mayStart) cursors.Add((index, Root));
        for (var i = cursors.Count - 1; i >= 0; i--)
        {
            var (start, node) = cursors[i];
            if (!edges.TryGetValue((node, c), out var next))
            {
                cursors.RemoveAt(i);
                continue;
            }
            cursors[i] = (start, next);
            foreach (var value in values[next] ?? []) completed.Add((start, value));
        }
    }
}
