using System.Text;

namespace Chatbot.Moderation.Detectors.Leaks;

/// <summary>
/// Detects a reply that echoes the system prompt, word by word as it streams: a suffix automaton over the prompt's words
/// tracks the longest run of the reply's last words that appears verbatim in the prompt. Every 8-word run of it is one
/// of the prompt's word 8-grams; enough distinct ones (4, about a dozen verbatim words, or all of a short prompt's) are
/// a leak. The current run, and a half-written word that could start or extend one, are what must be held back.
/// </summary>
public sealed class PromptEchoMatcher
{
    public const int GramLength = 8;
    private readonly PromptAutomaton automaton;
    private readonly int threshold;
    private readonly HashSet<string> matched = [];
    private readonly List<int> runStarts = [];
    private readonly List<int> runWords = [];
    private readonly StringBuilder word = new();
    private int wordStart;
    private int state;
    private int run;

    public PromptEchoMatcher(string? systemPrompt, int matchedGramsThreshold = 4)
    {
        automaton = new PromptAutomaton(Words(systemPrompt ?? string.Empty));
        threshold = Math.Max(1, Math.Min(matchedGramsThreshold, automaton.GramCount));
    }

    /// <summary>True once the words seen so far repeat enough of the prompt.</summary>
    public bool Leaked => automaton.GramCount > 0 && matched.Count >= threshold;

    public void Feed(char c, int index)
    {
        if (automaton.GramCount == 0) return;
        if (IsSeparator(c))
        {
            if (word.Length > 0) EndWord();
            return;
        }
        if (word.Length == 0) wordStart = index;
        word.Append(char.ToLowerInvariant(c));
    }

    /// <summary>End of the reply: the last word is complete.</summary>
    public void Complete()
    {
        if (word.Length > 0) EndWord();
    }

    /// <summary>The earliest position that could still belong to an echo, or <paramref name="length"/>.</summary>
    public int HoldFrom(int length)
    {
        if (word.Length > 0)
        {
            // A half-written word that no prompt word starts with ends the run: nothing before it can grow further.
            return automaton.IsWordPrefix(word) ? (runStarts.Count > 0 ? runStarts[0] : wordStart) : length;
        }
        return runStarts.Count > 0 ? runStarts[0] : length;
    }

    public static List<string> Words(string text) =>
        [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')', '*', '`'];

    private static bool IsSeparator(char c) => c is ' ' or '\n' or '\r' or '\t' or ',' or '.' or ';' or ':' or '!' or '?'
        or '"' or '(' or ')' or '*' or '`';

    private void EndWord()
    {
        var id = automaton.WordId(word);
        word.Clear();
        automaton.Step(ref state, ref run, id);
        runStarts.Add(wordStart);
        runWords.Add(id);
        if (runStarts.Count > run)
        {
            runStarts.RemoveRange(0, runStarts.Count - run);
            runWords.RemoveRange(0, runWords.Count - run);
        }
        if (run >= GramLength && !Leaked)
        {
            matched.Add(string.Join(',', runWords.GetRange(run - GramLength, GramLength)));
        }
    }
}
