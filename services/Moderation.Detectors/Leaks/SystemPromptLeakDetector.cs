namespace Chatbot.Moderation.Detectors.Leaks;

/// <summary>
/// Detects a reply that echoes the canary or large parts of the system prompt: the reply's word 8-grams are looked up
/// in the prompt's; a verbatim run of about a dozen words (or the whole of a short prompt) counts as a leak.
/// Incremental: feed words as they stream, the cost per word is one hash lookup.
/// </summary>
public sealed class SystemPromptLeakDetector
{
    public const int GramLength = 8;
    private readonly HashSet<string> promptGrams;
    private readonly int threshold;
    private readonly Queue<string> window = new();
    private readonly HashSet<string> matched = [];

    public SystemPromptLeakDetector(string? systemPrompt, int matchedGramsThreshold = 4)
    {
        var words = Words(systemPrompt ?? string.Empty);
        promptGrams = [.. Enumerable.Range(0, Math.Max(0, words.Count - GramLength + 1))
            .Select(i => string.Join(' ', words.Skip(i).Take(GramLength)))];
        threshold = Math.Max(1, Math.Min(matchedGramsThreshold, promptGrams.Count));
    }

    /// <summary>True once the words fed so far repeat enough of the prompt.</summary>
    public bool Leaked => promptGrams.Count > 0 && matched.Count >= threshold;

    public void AddWord(string word)
    {
        window.Enqueue(word);
        if (window.Count > GramLength) window.Dequeue();
        if (window.Count == GramLength)
        {
            var gram = string.Join(' ', window);
            if (promptGrams.Contains(gram)) matched.Add(gram);
        }
    }

    public bool Check(string text)
    {
        foreach (var word in Words(text)) AddWord(word);
        return Leaked;
    }

    public static List<string> Words(string text) =>
        [.. text.Split((char[])[' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')', '*', '`'],
            StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];
}
