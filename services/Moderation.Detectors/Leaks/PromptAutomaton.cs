using System.Collections.Frozen;
using System.Text;

namespace Chatbot.Moderation.Detectors.Leaks;

/// <summary>
/// Suffix automaton over a prompt's words (as ids): it recognises every run of words that occurs in the prompt, and
/// from any state a new word either extends the run or falls back along suffix links to the longest run still shared.
/// </summary>
internal sealed class PromptAutomaton
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly FrozenSet<string> wordPrefixes;
    private readonly List<Dictionary<int, int>> next = [new()];
    private readonly List<int> link = [-1];
    private readonly List<int> length = [0];

    public PromptAutomaton(List<string> words)
    {
        var last = 0;
        foreach (var word in words)
        {
            if (!ids.TryGetValue(word, out var id)) ids[word] = id = ids.Count;
            last = Extend(last, id);
        }
        wordPrefixes = ids.Keys.SelectMany(w => Enumerable.Range(1, w.Length).Select(n => w[..n])).ToFrozenSet(StringComparer.Ordinal);
        GramCount = words.Count < PromptEchoMatcher.GramLength ? 0
            : Enumerable.Range(0, words.Count - PromptEchoMatcher.GramLength + 1)
                .Select(i => string.Join(',', words.Skip(i).Take(PromptEchoMatcher.GramLength).Select(w => ids[w]))).Distinct().Count();
    }

    /// <summary>How many distinct word 8-grams the prompt has.</summary>
    public int GramCount { get; }

    /// <summary>The id of a prompt word, or -1.</summary>
    public int WordId(StringBuilder word) =>
        ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Chars(word), out var id) ? id : -1;

    public bool IsWordPrefix(StringBuilder word) => wordPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Chars(word));

    /// <summary>Feeds one word; <paramref name="run"/> becomes how many of the last words (this one included) occur together in the prompt.</summary>
    public void Step(ref int state, ref int run, int id)
    {
        if (id < 0)
        {
            state = run = 0;
            return;
        }
        while (state != 0 && !next[state].ContainsKey(id))
        {
            state = link[state];
            run = length[state];
        }
        if (next[state].TryGetValue(id, out var target))
        {
            state = target;
            run++;
            return;
        }
        state = run = 0;
    }

    private static ReadOnlySpan<char> Chars(StringBuilder word)
    {
        foreach (var chunk in word.GetChunks())
        {
            if (chunk.Length == word.Length) return chunk.Span;
        }
        return word.ToString();
    }

    private int Extend(int last, int id)
    {
        var current = Add(length[last] + 1, -1);
        var p = last;
        while (p != -1 && !next[p].ContainsKey(id))
        {
            next[p][id] = current;
            p = link[p];
        }
        if (p == -1)
        {
            link[current] = 0;
            return current;
        }
        var q = next[p][id];
        if (length[p] + 1 == length[q])
        {
            link[current] = q;
            return current;
        }
        var clone = Add(length[p] + 1, link[q]);
        next[clone] = new Dictionary<int, int>(next[q]);
        while (p != -1 && next[p].TryGetValue(id, out var target) && target == q)
        {
            next[p][id] = clone;
            p = link[p];
        }
        link[q] = link[current] = clone;
        return current;
    }

    private int Add(int len, int suffixLink)
    {
        next.Add([]);
        link.Add(suffixLink);
        length.Add(len);
        return next.Count - 1;
    }
}
