namespace Chatbot.SecurityDrills.Secrets;

/// <summary>
/// Files allowed to hold secret-shaped strings of one kind, each with the reason. Entries must stay needed
/// (<c>Every_allow_list_entry_is_still_needed</c>); a real secret is never allow-listed, it is removed and rotated.
/// </summary>
public static class SecretAllowList
{
    public sealed record Entry(string PathPrefix, string Kind, string Why)
    {
        public bool Covers(string file, string kind) =>
            kind == Kind && (file.StartsWith(PathPrefix, StringComparison.Ordinal) || file.Contains("/" + PathPrefix, StringComparison.Ordinal));

        public override string ToString() => $"{PathPrefix} ({Kind}): {Why}";
    }

    private const string PiiEvaluationSet = "tests/Chatbot.Moderation.Evaluation/Data/pii-eval.tsv";
    private const string EvaluationWhy = "moderation's committed PII/secret evaluation set: fake, documented example values "
        + "(e.g. AWS's documented EXAMPLE key id) that the secret detector must flag";
    private const string ScrubberTests = "tests/Chatbot.ServiceDefaults.Tests/Logging/SensitiveDataScrubberTests.cs";
    private const string ScrubberWhy = "the log scrubber's unit tests feed it fake secret-shaped strings and check they are redacted";

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new(PiiEvaluationSet, "private key", EvaluationWhy),
        new(PiiEvaluationSet, "OpenAI/Anthropic key", EvaluationWhy),
        new(PiiEvaluationSet, "AWS access key id", EvaluationWhy),
        new(PiiEvaluationSet, "GitHub token", EvaluationWhy),
        new(PiiEvaluationSet, "Slack token", EvaluationWhy),
        new(PiiEvaluationSet, "JWT", EvaluationWhy),
        new(PiiEvaluationSet, "URI with password", EvaluationWhy),
        new("tests/Chatbot.Moderation.UnitTests/PiiDetectorTests.cs", "OpenAI/Anthropic key",
            "the PII/secret detector's unit tests: a fake provider key it must detect"),
        new(ScrubberTests, "JWT", ScrubberWhy),
        new(ScrubberTests, "connection string password", ScrubberWhy),
        new(ScrubberTests, "URI with password", ScrubberWhy),
        new("tests/Chatbot.ServiceDefaults.Tests/Logging/SafeLoggingTests.cs", "JWT",
            "safe-logging tests log a fake (unsigned, test-only) JWT and assert it never reaches the output"),
        new("tests/Chatbot.ServiceDefaults.Tests/Infrastructure/PostgresServer.cs", "connection string password",
            "a throw-away local test server's connection string with a placeholder password the test server ignores"),
    ];
}
