using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Pii;

namespace Chatbot.Moderation.UnitTests;

public sealed class MaskerTests
{
    [Fact]
    public void Values_become_numbered_placeholders_and_restore_exactly()
    {
        const string text = "Write to ann@example.com or bob@example.com, again ann@example.com.";
        var masked = Masker.Mask(text, PiiDetector.Detect(text));
        Assert.Equal("Write to <EMAIL_1> or <EMAIL_2>, again <EMAIL_1>.", masked.Text);
        Assert.Equal(text, Masker.Restore(masked.Text, masked.Placeholders));
    }

    [Fact]
    public void Streaming_restorer_handles_a_placeholder_split_over_tokens()
    {
        var restorer = new StreamingRestorer(new Dictionary<string, string> { ["<EMAIL_1>"] = "ann@example.com" });
        var shown = string.Concat(new[] { "Mail <EM", "AIL", "_1> now, a < b" }.Select(restorer.Push)) + restorer.Flush();
        Assert.Equal("Mail ann@example.com now, a < b", shown);
    }

    [Fact]
    public void Streaming_restorer_never_shows_a_partial_placeholder()
    {
        var restorer = new StreamingRestorer(new Dictionary<string, string> { ["<PHONE_1>"] = "+44 20 7946 0958" });
        Assert.Equal("Call ", restorer.Push("Call <PHO"));
        Assert.Equal("+44 20 7946 0958.", restorer.Push("NE_1>.") + restorer.Flush());
    }
}
