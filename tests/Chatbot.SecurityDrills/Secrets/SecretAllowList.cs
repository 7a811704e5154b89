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

    private const string Moderation = "moderation's detectors, their tests and committed evaluation sets (generator included): "
        + "fake values in documented formats, look-alikes and docs examples (e.g. AWS's EXAMPLE key id) they must tell apart";
    private const string ScrubberTests = "tests/Chatbot.ServiceDefaults.Tests/Logging/SensitiveDataScrubberTests.cs";
    private const string ScrubberWhy = "the log scrubber's unit tests feed it fake secret-shaped strings and check they are redacted";

    public static readonly IReadOnlyList<Entry> Entries =
    [
        .. For("tests/Chatbot.Moderation.Evaluation/Data/secrets-eval.tsv", Moderation, "private key", "OpenAI/Anthropic key",
            "AWS access key id", "AWS secret key", "GitHub token", "Slack token", "Slack webhook", "URI with password"),
        .. For("tests/Chatbot.Moderation.Evaluation/Generators/pii_rows.py", Moderation, "private key", "OpenAI/Anthropic key",
            "AWS access key id", "AWS secret key", "GitHub token", "Slack token", "Slack webhook", "URI with password"),
        .. For("tests/Chatbot.Moderation.UnitTests/SecretRuleTests.cs", Moderation, "private key", "OpenAI/Anthropic key",
            "AWS access key id", "AWS secret key", "GitHub token", "Slack token", "Slack webhook"),
        .. For("tests/Chatbot.Moderation.UnitTests/OutputLeakSplitTests.cs", Moderation, "private key", "OpenAI/Anthropic key",
            "AWS access key id", "GitHub token", "Slack token", "JWT", "URI with password"),
        new(ScrubberTests, "JWT", ScrubberWhy),
        new(ScrubberTests, "connection string password", ScrubberWhy),
        new(ScrubberTests, "URI with password", ScrubberWhy),
        new("tests/Chatbot.ServiceDefaults.Tests/Logging/SafeLoggingTests.cs", "JWT",
            "safe-logging tests log a fake (unsigned, test-only) JWT and assert it never reaches the output"),
        new("tests/Chatbot.InferenceWorker.UnitTests/ToolArgumentsTests.cs", "GitHub token",
            "the tool-call filter's tests pass a fake token in a tool's arguments and check the call is refused"),
        new("tests/Chatbot.ServiceDefaults.Tests/Infrastructure/PostgresServer.cs", "connection string password",
            "a throw-away local test server's connection string with a placeholder password the test server ignores"),
    ];

    private static IEnumerable<Entry> For(string path, string why, params string[] kinds) => kinds.Select(kind => new Entry(path, kind, why));
}
