using Chatbot.TestSupport;

namespace Chatbot.EndToEnd.Tests.Observability;

/// <summary>One trace per turn: the trace a client starts on the POST reaches every service the turn passes through, across the outbox and the broker.</summary>
[Collection(ObservedSystemCollection.Name)]
public sealed class TurnTraceTests(ObservedSystemFixture system)
{
    [Fact]
    public async Task A_turn_is_one_trace_across_chat_moderation_the_worker_and_billing()
    {
        var traceId = system.TracedTurnId;

        var all = await Eventually.TrueAsync(() => Task.FromResult(system.Traces.ServicesIn(traceId).IsSupersetOf(ObservedSystemFixture.TurnServices)),
            TimeSpan.FromSeconds(30));

        Assert.True(all, $"the turn's trace reached only: {string.Join(", ", system.Traces.ServicesIn(traceId).Order())}");
    }

    [Fact]
    public async Task The_model_call_in_that_trace_is_a_GenAI_client_span_with_provider_model_and_token_usage()
    {
        var traceId = system.TracedTurnId;
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(system.Traces.ServicesIn(traceId).Contains("inference-worker")),
            TimeSpan.FromSeconds(30)), "the worker exported no span of the turn's trace");

        var worker = system.Traces.TextOf("inference-worker", traceId);

        Assert.Contains("chat ", worker, StringComparison.Ordinal); // the span name: "chat {model}"
        foreach (var attribute in (string[])["gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.response.model",
                     "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens"])
        {
            Assert.Contains(attribute, worker, StringComparison.Ordinal);
        }
    }
}
