using Chatbot.Moderation.Detectors.Output;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.UnitTests;

/// <summary>The tenant's personal-data action and term lists applied to the streaming reply, at every split point.</summary>
public sealed class OutputPolicyChecksTests
{
    private const string WithPii = "Call +44 20 7946 0958 or write to ann.lee@contoso.com before Friday.";
    private static readonly OutputTermList Weapons = new("weapons", ModerationAction.Block, ["pipe bomb"]);

    [Fact]
    public void Personal_data_in_a_reply_is_masked_when_the_policy_masks_it_whatever_the_chunking()
    {
        foreach (var chunks in OutputCases.Chunkings(WithPii))
        {
            var (released, violation) = OutputCases.Replay(() => new OutputGuard(null, null, OutputCases.Policy(ModerationAction.Mask)), chunks);
            Assert.Null(violation);
            Assert.Equal("Call [PHONE] or write to [EMAIL] before Friday.", released);
        }
    }

    [Fact]
    public void Personal_data_in_a_reply_cuts_it_when_the_policy_blocks_it_before_any_of_it_is_released()
    {
        foreach (var chunks in OutputCases.Chunkings(WithPii))
        {
            var (released, violation) = OutputCases.Replay(() => new OutputGuard(null, null, OutputCases.Policy(ModerationAction.Block)), chunks);
            Assert.Equal("pii", violation);
            Assert.True("Call ".StartsWith(released, StringComparison.Ordinal), released);
        }
    }

    [Fact]
    public void Personal_data_passes_unchanged_when_the_policy_allows_it()
    {
        var (released, violation) = OutputCases.Replay(() => new OutputGuard(null, null, OutputCases.Policy(ModerationAction.Allow)),
            OutputCases.Tokens(WithPii));
        Assert.Null(violation);
        Assert.Equal(WithPii, released);
    }

    [Theory]
    [InlineData("Order 4111 1111 1111 1112 shipped on 2024-03-15 for $1,299.00 (version 2.14.3).")]
    [InlineData("Use the placeholder <EMAIL_1> and call extension 42 at 9:30.")]
    public void Look_alikes_of_personal_data_are_released_unchanged(string reply) =>
        AssertReleasedUnchanged(OutputCases.Policy(ModerationAction.Mask), reply);

    [Theory]
    [InlineData("Step one of building a pipe bomb is")]
    [InlineData("Step one of building a PIPE  B0MB is")]
    public void A_blocked_term_in_a_reply_cuts_it_before_the_term_is_released(string reply)
    {
        foreach (var chunks in OutputCases.Chunkings(reply))
        {
            var (released, violation) = OutputCases.Replay(() => new OutputGuard(null, null, OutputCases.Policy(terms: Weapons)), chunks);
            Assert.Equal("weapons", violation);
            Assert.True("Step one of building a ".StartsWith(released, StringComparison.Ordinal), released);
        }
    }

    [Theory]
    [InlineData("The pipe bombardment of the old plumbing was loud.")]
    [InlineData("A bombastic pipe organ played.")]
    [InlineData("Plumbing 🔧 with a pipe, café crème and naïve résumé.")]
    public void Look_alikes_of_a_term_are_released_unchanged(string reply) =>
        AssertReleasedUnchanged(OutputCases.Policy(terms: Weapons), reply);

    [Fact]
    public void A_term_the_policy_masks_is_replaced_in_the_reply()
    {
        var policy = OutputCases.Policy(terms: new OutputTermList("profanity", ModerationAction.Mask, ["darn"]));
        var (released, violation) = OutputCases.Replay(() => new OutputGuard(null, null, policy), OutputCases.Tokens("Well, darn it, darnedest."));
        Assert.Null(violation);
        Assert.Equal("Well, [profanity] it, darnedest.", released);
    }

    [Fact]
    public void The_output_policy_follows_the_tenant_policy()
    {
        var tenant = new ModerationPolicy { BlockedTerms = { ["weapons"] = ["pipe bomb"], ["spam"] = ["buy now"] } };
        tenant.Actions["spam"] = ModerationAction.Flag;
        tenant.Actions["pii"] = ModerationAction.Block;

        var output = OutputPolicy.From(tenant);

        Assert.Equal(ModerationAction.Block, output.Pii);
        var list = Assert.Single(output.Terms);
        Assert.Equal(("weapons", ModerationAction.Block), (list.Category, list.Action));
    }

    private static void AssertReleasedUnchanged(OutputPolicy policy, string reply)
    {
        foreach (var chunks in OutputCases.Chunkings(reply))
        {
            var (released, violation) = OutputCases.Replay(() => new OutputGuard(null, null, policy), chunks);
            Assert.Null(violation);
            Assert.Equal(reply, released);
        }
    }
}
