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

    public bool TryStep(int node, char c, out int next) => edges.TryGetValue((node, c), out next);

    /// <summary>The values of the keys that end at <paramref name="node"/>, or null.</summary>
    public List<T>? ValuesAt(int node) => values[node];
}
