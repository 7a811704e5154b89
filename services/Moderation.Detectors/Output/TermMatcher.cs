using System.Text;
using Chatbot.Moderation.Detectors.Normalization;

namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// The tenant's term lists on the streaming reply, as whole words on folded characters (lower case, accents dropped,
/// homoglyphs and leetspeak mapped, whitespace runs as one space), like the input's term stage. A trie cursor starts at
/// every word start; a live cursor is a possible term and is held back; a term is confirmed once the next character
/// shows its word ended.
/// </summary>
internal sealed class TermMatcher
{
    private readonly PrefixTrie<OutputTermList> trie = new();
    private readonly List<(int Start, int Node)> cursors = [];
    private readonly List<TermHit> pending = [];
    private readonly List<(int Start, OutputTermList List)> completed = [];
    private char previous = ' ';

    public TermMatcher(IEnumerable<OutputTermList> lists)
    {
        foreach (var list in lists)
        {
            foreach (var term in list.Terms)
            {
                var folded = TextNormalizer.Fold(term.Trim());
                if (folded.Length > 0) trie.Add(folded, list);
            }
        }
    }

    /// <summary>Terms confirmed as whole words, in order.</summary>
    public List<TermHit> Hits { get; } = [];

    public void Feed(char raw, int index)
    {
        var c = Fold(raw);
        if (c == ' ' && previous == ' ') return;
        var wordChar = char.IsLetterOrDigit(c);
        foreach (var hit in pending)
        {
            if (!wordChar) Hits.Add(hit);
        }
        pending.Clear();
        trie.Advance(cursors, c, index, mayStart: !char.IsLetterOrDigit(previous), completed);
        foreach (var (start, list) in completed) pending.Add(new TermHit(start, index + 1, list));
        completed.Clear();
        previous = c;
    }

    /// <summary>End of the reply: a term at the very end is a whole word.</summary>
    public void Complete()
    {
        Hits.AddRange(pending);
        pending.Clear();
        cursors.Clear();
    }

    /// <summary>The earliest position that could still be (or be) an unconfirmed term, or <paramref name="length"/>.</summary>
    public int HoldFrom(int length)
    {
        var from = length;
        foreach (var (start, _) in cursors) from = Math.Min(from, start);
        foreach (var hit in pending) from = Math.Min(from, hit.Start);
        return from;
    }

    private static char Fold(char c)
    {
        if (char.IsWhiteSpace(c)) return ' ';
        if (c > '\u007F' && !char.IsSurrogate(c))
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 0) c = decomposed[0];
        }
        return Homoglyphs.Fold(char.ToLowerInvariant(c));
    }
}
