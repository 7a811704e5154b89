using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Output;

namespace Chatbot.Moderation.UnitTests;

/// <summary>A leak split across chunks at any point is cut before any of its characters is released.</summary>
public sealed class OutputLeakSplitTests
{
    public static TheoryData<string> Secrets =>
    [
        "sk-proj-9jYg7SjjPvttfbfMLZuPjII4OoaQmzBinnpy3MPN",
        "AKIA67QZIRSQDGGKGBOX",
        "ghp_hQGTa3VyR208OzQek3f3W20GSQYFQPPlauFu",
        "xoxb-69210949839-512416422961-EcDNSl2u3JJjVcPPljSIdTPz",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r",
        "postgres://app:s3cretPass@db.internal:5432/app",
        "api_key = \"abcd1234efgh5678ijkl\"",
    ];

    [Fact]
    public void The_value_of_a_keyword_glued_to_a_word_is_cut_before_any_of_it_is_released()
    {
        const string before = "Set mysecret_key = '";
        AssertCutBeforeLeak(() => new OutputGuard(null, null), before, before + "abcd1234efgh5678ijkl' in the file.",
            ModerationCategories.Secret);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_split_anywhere_is_cut_before_any_of_it_is_released(string secret)
    {
        const string before = "Here is the value you asked for: ";
        AssertCutBeforeLeak(() => new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt), before, before + secret + " and more text.",
            ModerationCategories.Secret);
    }

    [Fact]
    public void A_private_key_split_anywhere_is_cut_before_any_of_its_key_material_is_released()
    {
        // The secret rule's finding is the key material (as masking shows it); the armour line alone is no secret.
        const string header = "Here is the value you asked for: -----BEGIN RSA PRIVATE KEY-----\n";
        const string key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAqvBJQTdJV1tX5heQwepFLG8Z/ZuXg8EckArd0UFSPwmQfTIG\nORHPjNXhgjtOmj4n0iX0R7M/nnoTNjUVurMg3P8m9FYe6ibbzCpOFP5c63IUGE2B";
        AssertCutBeforeLeak(() => new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt), header,
            "Here is the value you asked for: " + key + " and more text.", ModerationCategories.Secret);
    }

    [Fact]
    public void A_canary_split_anywhere_is_cut_before_any_of_it_is_released()
    {
        const string before = "Sure. The marker is ";
        AssertCutBeforeLeak(() => new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt), before,
            before + OutputCases.Canary.ToUpperInvariant() + " and more.", ModerationCategories.SystemPromptLeak);
    }

    [Fact]
    public void A_system_prompt_echo_split_anywhere_is_cut_before_any_of_it_is_released()
    {
        const string before = "Sure, my instructions read: ";
        AssertCutBeforeLeak(() => new OutputGuard(null, OutputCases.SystemPrompt), before,
            before + OutputCases.SystemPrompt + " That is all.", ModerationCategories.SystemPromptLeak);
    }

    private static void AssertCutBeforeLeak(Func<OutputGuard> newGuard, string safe, string reply, string category)
    {
        foreach (var chunks in OutputCases.Chunkings(reply))
        {
            var (released, violation) = OutputCases.Replay(newGuard, chunks);
            Assert.True(violation == category, $"not cut as {category} when split as [{string.Join("|", chunks.Take(3))}...]: {violation}");
            Assert.True(safe.StartsWith(released, StringComparison.Ordinal), $"released past the leak's start: \"{released}\"");
        }
    }
}
