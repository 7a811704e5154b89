namespace Chatbot.Search.Benchmarks;

/// <summary>
/// Deterministic chat-like text: words drawn with a Zipf-like (log-uniform rank) skew from English stop words, then
/// English content words (with inflected forms for stemming), then a long tail of rare made-up terms.
/// </summary>
internal sealed class SearchCorpus(int seed)
{
    public const int Vocabulary = 5000;

    private static readonly string[] English =
    [
        "the", "a", "and", "to", "of", "is", "in", "it", "you", "that", "for", "on", "with", "this", "be", "are", "can", "i",
        "what", "how", "code", "error", "data", "question", "answer", "service", "please", "function", "example", "file",
        "user", "server", "request", "running", "runs", "run", "build", "test", "deploy", "database", "query", "index",
        "memory", "network", "timeout", "retry", "invoice", "budget", "customer", "report", "meeting", "travel", "recipe",
        "garden", "weather", "holiday", "project", "schedule", "summary", "translate", "email", "letter", "contract",
        "payment", "account", "password", "login", "browser", "mobile", "design", "colour", "music", "guitar", "piano",
        "history", "science", "physics", "chemistry", "biology", "library", "student", "teacher", "lesson", "exam",
        "kitchen", "bread", "coffee", "tea", "bicycle", "train", "airport", "hotel", "museum", "painting", "camera",
        "photo", "video", "stream", "player", "football", "tennis", "swimming", "hiking", "mountain", "river", "ocean",
        "island", "forest", "animal", "dog", "cat", "horse", "bird", "planet", "galaxy", "rocket", "engine", "battery",
        "charger", "printer", "keyboard", "monitor", "laptop", "phone", "tablet", "router", "cable", "lighthouse",
        "harbour", "volcano", "glacier", "desert", "canyon", "castle", "bridge", "tower", "village", "market", "festival",
    ];

    private readonly Random random = new(seed);

    public static string Word(int rank) => rank < English.Length ? English[rank] : $"zq{rank}x";

    public int NextRank() => Math.Min(Vocabulary - 1, (int)Math.Exp(random.NextDouble() * Math.Log(Vocabulary)) - 1);

    public string Sentence(int minWords, int maxWords)
    {
        var count = random.Next(minWords, maxWords + 1);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(NextRank())));
    }

    public int Next(int max) => random.Next(max);
}
