using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.OutputChecks;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Output;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>The worker's side: what reaches the reply stream when tokens pass through the output checks.</summary>
public sealed class ModeratedReplySinkTests
{
    private const string Canary = "cnry-00112233445566ff";

    [Fact]
    public async Task Placeholders_are_restored_for_the_user_after_the_window_is_released()
    {
        var stream = new Recording();
        var sink = Sink(stream, new Dictionary<string, string> { ["<EMAIL_1>"] = "ann@example.com" });
        foreach (var token in new[] { "I will write to <EMA", "IL_1> today", " and confirm." })
        {
            await sink.TokenAsync(token, CancellationToken.None);
        }
        await sink.CompleteAsync(CancellationToken.None);
        Assert.Equal("I will write to ann@example.com today and confirm.", stream.Text);
    }

    [Fact]
    public async Task A_reply_echoing_the_canary_is_cut_and_the_canary_never_reaches_the_stream()
    {
        var stream = new Recording();
        var sink = Sink(stream, new Dictionary<string, string>());
        var blocked = await Assert.ThrowsAsync<OutputBlockedException>(async () =>
        {
            foreach (var token in new[] { "My instructions include the marker cnry-0011", "2233445566ff, and more." })
            {
                await sink.TokenAsync(token, CancellationToken.None);
            }
            await sink.CompleteAsync(CancellationToken.None);
        });
        Assert.Equal(ModerationCategories.SystemPromptLeak, blocked.Category);
        Assert.DoesNotContain("cnry", stream.Text);
        // Sticky: a provider fallback (reset) cannot start the reply again.
        await Assert.ThrowsAsync<OutputBlockedException>(() => sink.ResetAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_fallback_before_anything_left_the_window_is_invisible_and_after_it_resets_the_stream()
    {
        var stream = new Recording();
        var sink = Sink(stream, new Dictionary<string, string>());

        await sink.TokenAsync("Short start", CancellationToken.None); // still held back
        await sink.ResetAsync(CancellationToken.None);
        Assert.Equal(0, stream.Resets);

        await sink.TokenAsync(new string('a', 80), CancellationToken.None); // past the 32-character window
        await sink.ResetAsync(CancellationToken.None);
        Assert.Equal(1, stream.Resets);
    }

    [Fact]
    public void The_selected_provider_reaches_the_stream_so_a_cancelled_reply_is_billed_at_its_prices()
    {
        var stream = new Recording();
        var provider = new ChatProvider(new ProviderOptions { Name = "primary", Type = ProviderType.Simulator }, null!, Polly.ResiliencePipeline.Empty);

        Sink(stream, new Dictionary<string, string>()).ProviderSelected(provider);

        Assert.Same(provider, stream.Provider);
    }

    private static ModeratedReplySink Sink(IReplySink inner, Dictionary<string, string> placeholders) =>
        new(inner, () => new OutputGuard(Canary, "You are a helpful assistant.", holdBackChars: 32), placeholders);

    private sealed class Recording : IReplySink
    {
        public string Text { get; private set; } = "";

        public int Resets { get; private set; }

        public ChatProvider? Provider { get; private set; }

        public void ProviderSelected(ChatProvider provider) => Provider = provider;

        public ValueTask TokenAsync(string text, CancellationToken cancellationToken)
        {
            Text += text;
            return ValueTask.CompletedTask;
        }

        public ValueTask ResetAsync(CancellationToken cancellationToken)
        {
            Text = "";
            Resets++;
            return ValueTask.CompletedTask;
        }
    }
}
