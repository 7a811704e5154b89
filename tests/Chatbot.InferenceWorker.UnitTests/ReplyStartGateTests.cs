using Chatbot.InferenceWorker.Generation;
using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class ReplyStartGateTests
{
    private static readonly ChatProvider Primary = ChainFactory.Provider("primary", new ScriptedChatService(ScriptedChatService.Reply("x")));
    private static readonly ChatProvider Fallback = ChainFactory.Provider("fallback", new ScriptedChatService(ScriptedChatService.Reply("x")));

    [Fact]
    public async Task Nothing_reaches_the_sink_before_Open_then_selections_replay_in_order_and_the_held_token_follows()
    {
        var gate = new ReplyStartGate();
        var sink = new RecordingSink();

        gate.ProviderSelected(Primary);
        gate.ProviderSelected(Fallback);
        var held = gate.TokenAsync("Hello", CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(held.IsCompleted);
        Assert.Empty(sink.Selected);
        Assert.Empty(sink.Events);

        gate.Open(sink);
        await held.WaitAsync(TimeSpan.FromSeconds(10));
        await gate.TokenAsync(" world", CancellationToken.None);
        await gate.ResetAsync(CancellationToken.None);
        gate.ProviderSelected(Primary);

        Assert.True(gate.IsOpen);
        Assert.Equal(["primary", "fallback", "primary"], sink.Selected);
        Assert.Equal(["Hello", " world", RecordingSink.ResetMarker], sink.Events);
    }

    [Fact]
    public void After_Open_a_token_goes_straight_through_without_waiting()
    {
        var gate = new ReplyStartGate();
        var sink = new RecordingSink();
        gate.Open(sink);

        var token = gate.TokenAsync("now", CancellationToken.None);

        Assert.True(token.IsCompletedSuccessfully);
        Assert.Equal(["now"], sink.Events);
    }

    [Fact]
    public async Task A_token_held_at_a_gate_that_never_opens_ends_when_the_provider_call_is_cancelled()
    {
        var gate = new ReplyStartGate();
        using var call = new CancellationTokenSource();

        var held = gate.TokenAsync("never", call.Token).AsTask();
        await call.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(gate.IsOpen);
    }
}
