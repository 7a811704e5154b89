using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// The separate check for instructions addressed to the model inside quoted or retrieved content (issue 24, item 2). A
/// message of at least three lines is read as the user's own words (its first and last line) around embedded content
/// (every line between them: a pasted e-mail, a table, code, a page or a tool's output). Inside that content it looks for
/// <list type="bullet">
/// <item>a sentence that tells the model what to do with its own answer ("translate your response into Spanish", "add a
/// sentence in your reply about…", "embed the following code snippet in your code");</item>
/// <item>a line that is a task or a question for an assistant (it starts with a task verb or asks "what / how / can you
/// …?") and shares no content word with the rest of the content: a document does not change the subject to "recommend a
/// good book" in the middle of a bank notice. A call to action about the reader's own things ("rate your delivery",
/// "reply to this message") does not count.</item>
/// </list>
/// Rules only, no trained weights; written from the train split of microsoft/BIPIA (contexts and attack files) and the
/// self-written sets, scored on BIPIA's test split (other contexts, other attack categories). A match is the grey zone.
/// </summary>
public static partial class EmbeddedInstructions
{
    public const string Kind = "embedded_instruction";

    /// <summary>A task line longer than this is prose of the document, not an instruction slipped into it.</summary>
    private const int MaxTaskLine = 220;

    private static readonly HashSet<string> StopWords = new(
    [
        "the", "and", "for", "with", "from", "are", "was", "were", "been", "this", "that", "these", "those", "its", "your",
        "you", "our", "can", "could", "would", "should", "will", "what", "how", "which", "who", "why", "when", "where",
        "does", "did", "not", "yes", "all", "any", "some", "about", "into", "over", "more", "most", "very", "just", "then",
        "than", "there", "their", "they", "them", "she", "his", "her",
    ], StringComparer.Ordinal);

    /// <summary><see cref="Kind"/> when the embedded content of <paramref name="clean"/> holds an instruction to the model, else null.</summary>
    public static string? FirstMatch(string clean)
    {
        try
        {
            var lines = clean.ToLowerInvariant().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length < 3) return null;
            var embedded = lines.AsSpan(1, lines.Length - 2);
            foreach (var line in embedded)
            {
                foreach (var sentence in Segments.Sentences(line))
                {
                    if (AnswerTampering().IsMatch(sentence) || CodeInsertion().IsMatch(sentence)) return Kind;
                    if (AnswerMention().IsMatch(sentence) && !BenignMention().IsMatch(sentence)) return Kind;
                }
            }
            Dictionary<string, int>? counts = null;
            foreach (var line in embedded)
            {
                // A call to action about the reader's own things ("rate your delivery", "reply to this message") is the
                // document talking to its reader, not a task slipped in for the model.
                if (line.Length > MaxTaskLine || line.AsSpan().IndexOfAny("=;{}<>|`") >= 0 || !TaskLine().IsMatch(line)
                    || ReaderCallToAction().IsMatch(line)) continue;
                if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4) continue;
                counts ??= Count(embedded);
                var own = ContentWords(line).CountBy(w => w).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                if (own.All(p => counts[p.Key] == p.Value)) return Kind;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return "timeout";
        }
        return null;
    }

    private static Dictionary<string, int> Count(ReadOnlySpan<string> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var word in ContentWords(line)) counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        return counts;
    }

    /// <summary>Words of three letters or more that carry content (not pronouns, articles or auxiliaries).</summary>
    private static IEnumerable<string> ContentWords(string line) =>
        Word().Matches(line).Select(m => m.Value).Where(w => !StopWords.Contains(w));

    // A verb that changes, extends or shapes the model's answer, then "your response / reply / answer / code …".
    [GeneratedRegex(@"\b(add|include|integrate|incorporate|insert|append|embed|inject|mention|modify|enhance|augment|update|alter|change|edit|rewrite|encode|encrypt|decode|translate|render|convert|transform|reverse|shift|replace|substitute|rearrange|scramble|remove|delete|introduce|use|employ|format|write|end|begin|start|finish|conclude|respond|reply|answer|provide|present|express|make|ensure|put|let|validate|feature|blend|merge|meld|enlist|execute|run|develop|upgrade|fortify|utili[sz]e|embody|weave|infuse|attach|prefix|suffix|wrap)\b[^.\n]{0,80}\byour (response|reply|answer|output|responses|replies|answers|message|summary|code|codebase|solution|implementation|program|script|project|application|function)('?s)?\b|\byour (response|reply|answer|output)('?s)?\b[^.\n]{0,30}\b(should|must|has to|needs to|ought to)\b|\b(code|answer|response|reply) you (develop|write|create|produce|give|provide)\b|\b(reply|respond|answer) (only )?(in|with|using) (reverse|emojis?|base ?\d+|[a-z]+ (language|cipher))\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AnswerTampering();

    // "the following / below code snippet" together with "your code / solution / response" (or the reverse order).
    [GeneratedRegex(@"\b(following|subsequent|below|above|this|these) code (snippets?|excerpts?|blocks?|sections?|fragments?)\b.*(\byour (code|codebase|solution|implementation|algorithm|response|answer|program|script|project|elucidation|function|app|application)\b|\bthe code you\b)|\byour (code|codebase|solution|implementation|algorithm)\b.*\b(following|subsequent|below) code (snippets?|excerpts?|blocks?|sections?)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CodeInsertion();

    [GeneratedRegex(@"\byour (answer|response|reply|output|answers|responses|replies|message)('?s)?\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AnswerMention();

    // What an e-mail says about the reader's reply: "thank you for your reply", "we look forward to your response".
    [GeneratedRegex(@"\b(for|await(ing)?|forward to|receiv(e|ed|ing)|appreciate|thanks?( you)? for|in reply to|regarding|about|with) your (answer|response|reply|responses|replies|answers|message)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BenignMention();

    // A line that is a task for an assistant: it starts with a task verb (not a "Name:" label) or asks a question.
    [GeneratedRegex(@"^\s*(please |kindly |now |also |then |next |first |finally )?(write|analy[sz]e|recommend|summari[sz]e|determine|describe|explain|translate|list|suggest|create|draft|compose|generate|calculate|compare|outline|identify|classify|evaluate|discuss|predict|provide|give|tell|show|name|convert|rewrite|design|develop|propose|brainstorm|estimate|assess|define|solve|compute|teach|guide|detail|elaborate|illustrate|demonstrate|investigate|research|examine|explore|discover|craft|prepare|produce|implement|replace|break down|jumble|scramble|rearrange|combine|group|remove|encode|encrypt|decode|reverse|spell|sort|rank|rate|fix|debug|optimi[sz]e|refactor|rephrase|paraphrase|simplify|shorten|expand|continue|imagine|pretend|act as|respond|reply|answer)\b(?!\s*:)|^\s*(what|which|who|whom|whose|why|how|when|where|can you|could you|would you|will you|should i|can i|could i|is there|are there|do you|does|did|is it|are|is)\b.*\?\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"\byour\b|\bthis (message|email|e-mail|notification)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReaderCallToAction();

    [GeneratedRegex(@"[a-z]{3,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Word();
}
