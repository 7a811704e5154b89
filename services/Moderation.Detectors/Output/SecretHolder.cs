namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Prefix automaton over <see cref="SecretPrefixes"/>: a cursor starts at every word start, walks the trie while the
/// reply spells a prefix, and once a whole prefix is seen follows the format's body. While any cursor lives, the
/// reply is held back from its start; the secret itself is then confirmed by <see cref="Pii.PiiDetector"/>.
/// </summary>
internal sealed class SecretHolder
{
    private const int MaxBody = 2048;
    private static readonly PrefixTrie<SecretBody> Trie = Build();
    private readonly List<(int Start, int Node)> prefixes = [];
    private readonly List<(int Start, SecretBody Body)> completed = [];
    private readonly List<(int Start, SecretBody Body, int State, int Length)> bodies = [];
    private readonly char[] recent = new char[32];
    private char previous = ' ';

    public void Feed(char raw, int index)
    {
        var c = char.ToLowerInvariant(raw);
        for (var i = bodies.Count - 1; i >= 0; i--)
        {
            var (start, body, state, length) = bodies[i];
            if (length < MaxBody && Continues(body, ref state, raw)) bodies[i] = (start, body, state, length + 1);
            else bodies.RemoveAt(i);
        }
        if (c is '=' or ':' && GluedKeywordStart(index) is { } keywordStart)
        {
            bodies.Add((keywordStart, SecretBody.Assignment, 1, 0)); // the keyword was inside a word: hold its value
        }
        recent[index % recent.Length] = c;
        Trie.Advance(prefixes, c, index, mayStart: !char.IsLetterOrDigit(previous), completed);
        foreach (var (start, body) in completed) bodies.Add((start, body, 0, 0));
        completed.Clear();
        previous = raw;
    }

    /// <summary>The earliest position that could still be the start of a secret, or <paramref name="length"/>.</summary>
    public int HoldFrom(int length)
    {
        var from = length;
        foreach (var (start, _) in prefixes) from = Math.Min(from, start);
        foreach (var body in bodies) from = Math.Min(from, body.Start);
        return from;
    }

    /// <summary>
    /// At a <c>=</c> or <c>:</c>: the start of an assignment keyword that ends just before it (spaces and quotes
    /// between allowed), also inside a word (<c>mysecret_key=</c>), which the word-start cursors do not see.
    /// </summary>
    private int? GluedKeywordStart(int index)
    {
        var end = index;
        while (end > 0 && index - end < recent.Length - 1 && recent[(end - 1) % recent.Length] is ' ' or '\t' or '"' or '\'') end--;
        foreach (var keyword in Keywords)
        {
            var start = end - keyword.Length;
            if (start < 0 || index - start >= recent.Length) continue;
            var i = 0;
            while (i < keyword.Length && recent[(start + i) % recent.Length] == keyword[i]) i++;
            if (i == keyword.Length) return start;
        }
        return null;
    }

    private static readonly string[] Keywords = [.. SecretPrefixes.All.Where(p => p.Body == SecretBody.Assignment).Select(p => p.Prefix)];

    private static bool Continues(SecretBody body, ref int state, char c) => body switch
    {
        SecretBody.Token => IsKeyChar(c),
        SecretBody.Url => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '<' or '>'),
        SecretBody.Line => c != '\n',
        SecretBody.Header => char.IsLetterOrDigit(c) || c is ' ' or '-',
        _ => Assignment(ref state, c),
    };

    /// <summary>State 0: before the separator; 1: after it; 2: in the value.</summary>
    private static bool Assignment(ref int state, char c)
    {
        switch (state)
        {
            case 0 when c is ' ' or '\t' or '"' or '\'':
                return true;
            case 0 when c is '=' or ':':
                state = 1;
                return true;
            case 1 when c is ' ' or '\t' or '"' or '\'':
                return true;
            case 1 or 2 when IsKeyChar(c):
                state = 2;
                return true;
            default:
                return false;
        }
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '+' or '/' or '=';

    private static PrefixTrie<SecretBody> Build()
    {
        var trie = new PrefixTrie<SecretBody>();
        foreach (var (prefix, body) in SecretPrefixes.All) trie.Add(prefix, body);
        return trie;
    }
}
