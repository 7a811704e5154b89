using System.Collections.Frozen;

namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Frequent English words that are not given names: the output guard releases such a word at the end of a push at once
/// (<see cref="PiiTail"/>), although it could still be the local part of an e-mail address (<c>support</c> +
/// <c>@contoso.com</c>). A common word alone identifies nobody, and the rest of the address is still masked; a name or
/// a handle (<c>ann</c>, <c>jsmith</c>) is held until the next token shows whether an address follows.
/// </summary>
internal static class CommonWords
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        // function words and pronouns
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "as", "while", "when",
        "where", "which", "who", "whom", "whose", "what", "why", "how", "that", "this", "these", "those", "there", "here",
        "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "about", "into", "onto", "over", "under",
        "between", "through", "during", "before", "after", "above", "below", "up", "down", "out", "off", "again", "once",
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her",
        "hers", "it", "its", "they", "them", "their", "theirs", "one", "ones", "some", "any", "all", "each", "every",
        "both", "either", "neither", "few", "many", "much", "more", "most", "less", "least", "other", "another", "such",
        "own", "same", "no", "not", "only", "very", "too", "also", "just", "even", "still", "already", "always", "never",
        "often", "sometimes", "usually", "now", "today", "soon", "later", "yes", "ok", "okay", "sure", "certainly",
        "absolutely", "indeed", "hello", "hi", "thanks", "thank", "please", "sorry", "well", "however", "therefore",
        "instead", "otherwise", "perhaps", "maybe", "probably", "first", "second", "third", "next", "last",
        "finally", "overall", "generally", "typically", "actually", "really", "quite", "rather", "almost",
        // auxiliaries and frequent verbs
        "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
        "done", "doing", "will", "would", "shall", "should", "can", "could", "might", "must", "need", "needs", "get",
        "gets", "got", "make", "makes", "made", "take", "takes", "took", "give", "gives", "gave", "go", "goes", "went",
        "come", "comes", "came", "see", "sees", "saw", "seen", "know", "knows", "knew", "known", "think", "thinks",
        "thought", "say", "says", "said", "tell", "tells", "told", "ask", "asks", "asked", "use", "uses", "used", "using",
        "find", "finds", "found", "want", "wants", "try", "tries", "tried", "call", "calls", "called", "keep", "keeps",
        "let", "lets", "help", "helps", "show", "shows", "shown", "start", "starts", "run", "runs", "set", "sets", "add",
        "adds", "check", "checks", "consider", "recommend", "depends", "depend", "remain", "remains", "include",
        "includes", "including", "provide", "provides", "create", "creates", "follow", "follows", "following", "note",
        "change", "changes", "exist", "exists", "work", "works", "working", "look", "looks", "mean", "means", "seem",
        "seems", "feel", "become", "becomes", "allow", "allows", "support", "supports", "ship", "tested", "test", "tests",
        // frequent nouns and adjectives
        "answer", "answers", "question", "questions", "context", "reading", "data", "time", "times", "way", "ways",
        "thing", "things", "people", "person", "team", "teams", "user", "users", "customer", "customers", "example",
        "part", "case", "cases", "point", "step", "steps", "option", "options", "result", "results", "reason", "problem",
        "issue", "issues", "information", "details", "order", "account", "service", "product", "price", "cost", "costs",
        "quality", "latency", "software", "practice", "number", "list", "code", "file", "system", "model",
        "day", "days", "week", "year", "years", "good", "great", "new", "old", "small", "large", "big", "long", "high",
        "low", "simple", "clear", "careful", "real", "early", "several", "important", "possible", "different", "right",
        "best", "better", "easy", "hard", "free", "full", "main", "measurable", "available", "likely", "certain",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
