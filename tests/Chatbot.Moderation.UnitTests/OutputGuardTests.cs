using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Output;

namespace Chatbot.Moderation.UnitTests;

public sealed class OutputGuardTests
{
    private const string Canary = "cnry-0123456789abcdef";
    private const string SystemPrompt = "You are the support assistant of Contoso. Answer politely, never discuss pricing of enterprise contracts, and escalate refunds above one hundred euros to a human agent within one business day.";

    [Fact]
    public void A_canary_split_over_tokens_is_cut_before_any_part_is_released()
    {
        var guard = new OutputGuard(Canary, SystemPrompt, holdBackChars: 32);
        var released = "";
        foreach (var token in new[] { "Sure. The marker is cnry-0123", "456789abcdef and more" })
        {
            var decision = guard.Push(token);
            released += decision.Release;
            if (decision.Blocked)
            {
                Assert.Equal(ModerationCategories.SystemPromptLeak, decision.Violation);
                Assert.DoesNotContain("cnry", released);
                return;
            }
        }
        Assert.Fail("The canary was not detected.");
    }

    [Fact]
    public void Echoing_the_system_prompt_cuts_the_stream()
    {
        var guard = new OutputGuard(Canary, SystemPrompt);
        var blocked = SystemPrompt.Split(' ').Select(w => guard.Push(w + " ")).Any(d => d.Blocked) || guard.Complete().Blocked;
        Assert.True(blocked);
    }

    [Fact]
    public void A_secret_in_the_output_is_cut()
    {
        var guard = new OutputGuard(null, null);
        var blocked = new[] { "your key is sk-proj-", "abcdefghijklmnopqrstuvwxyz0123 ok" }.Select(guard.Push).Any(d => d.Blocked);
        Assert.True(blocked);
    }

    [Fact]
    public void A_normal_reply_is_released_in_full_and_the_window_is_held_back()
    {
        var guard = new OutputGuard(Canary, SystemPrompt, holdBackChars: 20);
        const string reply = "Refunds usually take three to five days to appear on your statement, depending on your bank.";
        var first = guard.Push(reply);
        Assert.Equal(reply[..^20], first.Release);
        Assert.Equal(reply[^20..], guard.Complete().Release);
    }

    [Fact]
    public void The_audit_excerpt_of_a_cut_masks_pii_and_the_canary_and_hashes_the_raw_text()
    {
        var guard = new OutputGuard(Canary, SystemPrompt, holdBackChars: 32);
        var raw = $"Write to ann@example.com, the token is {Canary} ";
        Assert.NotNull(guard.Push(raw).Violation);

        var (excerpt, hash) = guard.AuditExcerpt();
        Assert.Equal("Write to <EMAIL_1>, the token is <CANARY> ", excerpt);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(raw))), hash);
    }
}
