using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Output;

namespace Chatbot.Moderation.UnitTests;

/// <summary>The release rule: only a tail that could still become a match is held back; the rest goes out at once.</summary>
public sealed class OutputGuardTests
{
    [Fact]
    public void Ordinary_prose_is_released_with_nothing_held_back_after_every_token()
    {
        var guard = new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt);
        const string reply = "Sure! Your parcel left our warehouse yesterday; tracking shows delivery by Friday afternoon, weather permitting.";
        var released = "";
        foreach (var token in OutputCases.Tokens(reply))
        {
            released += guard.Push(token).Release;
            Assert.Equal(0, guard.HeldBack);
        }
        Assert.Equal(reply, released + guard.Complete().Release);
    }

    [Theory]
    [InlineData("Your key starts with sk", "sk")]
    [InlineData("The marker is cnry-01", "cnry-01")]
    [InlineData("Ids look like AKI", "AKI")]
    [InlineData("Paste it after -----BEG", "-----BEG")]
    [InlineData("A token such as eyJhbGci", "eyJhbGci")]
    [InlineData("Then I would escalate refunds", "escalate refunds")]
    [InlineData("Then I would escal", "escal")]
    public void A_chunk_ending_in_a_possible_prefix_holds_back_exactly_that_prefix(string chunk, string held)
    {
        var guard = new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt);

        var decision = guard.Push(chunk);

        Assert.Equal(chunk[..^held.Length], decision.Release);
        Assert.Equal(held.Length, guard.HeldBack);
        Assert.Equal(held, guard.Push(" tomorrow.").Release[..held.Length]);
        Assert.Equal(0, guard.HeldBack);
    }

    [Fact]
    public void Personal_data_is_held_only_while_the_tail_could_still_be_an_address_or_a_number()
    {
        var guard = new OutputGuard(null, null, OutputCases.Policy(piiAction: Detectors.Policy.ModerationAction.Mask));

        Assert.Equal("Write to ", guard.Push("Write to ann").Release);
        Assert.Equal("ann ", guard.Push(" or call +").Release[..4]);
        Assert.Equal(1, guard.HeldBack); // the lone "+" could start a phone number
        Assert.Equal("+", guard.Push("1 is the country code.").Release[..1]);
    }

    [Fact]
    public void An_extra_fixed_window_is_still_available_and_released_at_the_end()
    {
        var guard = new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt, holdBackChars: 20);
        const string reply = "Delivery usually takes three to five days to appear on your doorstep, depending on the courier.";
        Assert.Equal(reply[..^20], guard.Push(reply).Release);
        Assert.Equal(reply[^20..], guard.Complete().Release);
    }

    [Fact]
    public void Echoing_the_system_prompt_word_by_word_cuts_the_stream()
    {
        var guard = new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt);
        var blocked = OutputCases.SystemPrompt.Split(' ').Select(w => guard.Push(w + " ")).Any(d => d.Blocked) || guard.Complete().Blocked;
        Assert.True(blocked);
    }

    [Fact]
    public void Quoting_a_few_words_of_the_system_prompt_is_not_an_echo()
    {
        var guard = new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt);
        const string reply = "I can escalate refunds above one hundred euros to a human agent, and I can answer politely in any case.";
        var released = string.Concat(OutputCases.Tokens(reply).Select(t => guard.Push(t).Release)) + guard.Complete().Release;
        Assert.Equal(reply, released);
    }

    [Fact]
    public void The_audit_excerpt_of_a_cut_masks_pii_and_the_canary_and_hashes_the_raw_text()
    {
        var guard = new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt);
        var raw = $"Write to ann@example.com, the token is {OutputCases.Canary} ";
        Assert.NotNull(guard.Push(raw).Violation);

        var (excerpt, hash) = guard.AuditExcerpt();
        Assert.Equal("Write to <EMAIL_1>, the token is <CANARY> ", excerpt);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(raw))), hash);
    }

    [Fact]
    public void After_a_cut_nothing_more_is_released()
    {
        var guard = new OutputGuard(OutputCases.Canary, OutputCases.SystemPrompt);
        Assert.True(guard.Push($"It is {OutputCases.Canary}.").Blocked);
        Assert.Equal(ModerationCategories.SystemPromptLeak, guard.Push(" More text.").Violation);
        Assert.Equal(string.Empty, guard.Complete().Release);
    }
}
