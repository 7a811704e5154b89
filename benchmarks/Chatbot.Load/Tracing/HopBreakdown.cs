using Chatbot.Contracts.Inference;
using Chatbot.Load.Overhead;

namespace Chatbot.Load.Tracing;

/// <summary>
/// Splits each traced probe turn's time to first token into hops, from the spans chat and the worker exported and the
/// client's own two timestamps, and prints each hop's p50/p95 and its mean in the slowest 5 % of turns (by the sum of
/// every hop but the provider's own first-token time, i.e. the system's overhead), and its largest value.
/// </summary>
public static class HopBreakdown
{
    private static readonly string[] Hops =
    [
        "client → chat request start",
        "chat: auth, routing, binding → turn query starts",
        "chat: turn query (database round trip)",
        "chat: reservation → GenerateReply publish starts",
        "chat: MassTransit publish → RabbitMQ client publish",
        "broker: client publish → worker client delivery",
        "worker: client delivery → MassTransit receive",
        "worker: receive → provider call starts",
        "provider: first token (simulator, not overhead)",
        "worker: first token → first stream entry (gate, commit mark)",
        "chat: stream entry → first token flushed",
        "client: flushed → token read",
    ];
    private const int ProviderHop = 8;
    private const string MassTransitScope = "MassTransit";
    private const string RabbitMqClientScope = "RabbitMQ.Client";
    private const string NpgsqlScope = "Npgsql";

    public static void Print(IReadOnlyList<TracedTurn> turns, OtlpTraceReceiver receiver)
    {
        var rows = turns.Select(t => Split(t, receiver.Spans(t.TraceId))).OfType<double[]>().ToList();
        Console.WriteLine($"Per-hop trace: {rows.Count} of {turns.Count} probe turns traced completely (ms).");
        if (rows.Count == 0)
        {
            // What arrived for one turn, so a missing span or event can be named.
            foreach (var span in turns.Count == 0 ? [] : receiver.Spans(turns[^1].TraceId))
            {
                Console.WriteLine($"  span {span.Service} kind {span.Kind} {span.Scope}: {span.Name} [{string.Join(", ", span.Events.Keys)}]");
            }
            return;
        }
        var overhead = rows.Select(r => r.Where((_, i) => i != ProviderHop).Sum()).ToList();
        var slowest = rows.Zip(overhead).OrderByDescending(p => p.Second).Take(Math.Max(1, rows.Count / 20)).Select(p => p.First).ToList();
        Console.WriteLine("| hop | p50 | p95 | max | mean in the slowest 5 % |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var h = 0; h < Hops.Length; h++)
        {
            var hop = Percentiles(rows.Select(r => r[h]));
            Console.WriteLine($"| {Hops[h]} | {hop.P50:0.00} | {hop.P95:0.00} | {rows.Max(r => r[h]):0.00} | {slowest.Average(r => r[h]):0.00} |");
        }
        var sum = Percentiles(overhead);
        Console.WriteLine($"| sum without the provider hop | {sum.P50:0.00} | {sum.P95:0.00} | {overhead.Max():0.00} | {slowest.Average(r => r.Where((_, i) => i != ProviderHop).Sum()):0.00} |");
    }

    /// <summary>The hops of one turn in milliseconds, or null when a span the split needs did not arrive.</summary>
    private static double[]? Split(TracedTurn turn, IReadOnlyList<TraceSpan> spans)
    {
        var post = spans.FirstOrDefault(s => s is { Service: "chat", Kind: TraceSpan.Server } && s.Name.StartsWith("POST", StringComparison.Ordinal));
        if (post is null) return null;
        var query = First(spans, "chat", TraceSpan.Client, NpgsqlScope, after: post.Start);
        var publish = First(spans, "chat", TraceSpan.Producer, MassTransitScope);
        var clientPublish = First(spans, "chat", TraceSpan.Producer, RabbitMqClientScope);
        var clientDelivery = First(spans, "inference-worker", TraceSpan.Consumer, RabbitMqClientScope);
        var receive = First(spans, "inference-worker", TraceSpan.Consumer, MassTransitScope);
        var provider = spans.FirstOrDefault(s => s.Service == "inference-worker" && s.Events.ContainsKey(ReplyTraceEvents.FirstToken));
        var sse = spans.FirstOrDefault(s => s.Service == "chat" && s.Events.ContainsKey(ReplyTraceEvents.FirstTokenSent));
        if (query is null || publish is null || clientPublish is null || clientDelivery is null || receive is null || provider is null || sse is null || turn.FirstTokenRead == 0
            || !provider.Events.TryGetValue(ReplyTraceEvents.FirstEntry, out var firstEntry))
        {
            return null;
        }
        ulong[] marks =
        [
            turn.PostStarted, post.Start, query.Start, query.End, publish.Start, clientPublish.Start, clientDelivery.Start, receive.Start, provider.Start,
            provider.Events[ReplyTraceEvents.FirstToken], firstEntry, sse.Events[ReplyTraceEvents.FirstTokenSent], turn.FirstTokenRead,
        ];
        return [.. marks.Zip(marks.Skip(1), (from, to) => ((double)to - from) / 1e6)];
    }

    /// <summary>The earliest span of <paramref name="service"/> of that kind and instrumentation scope, from <paramref name="after"/> on.</summary>
    private static TraceSpan? First(IReadOnlyList<TraceSpan> spans, string service, int kind, string scope, ulong after = 0) =>
        spans.Where(s => s.Service == service && s.Kind == kind && s.Start >= after && s.Scope.StartsWith(scope, StringComparison.Ordinal))
            .MinBy(s => s.Start);

    private static (double P50, double P95) Percentiles(IEnumerable<double> values)
    {
        var stats = new Samples();
        foreach (var value in values) stats.Add(value);
        return (stats.Percentile(50), stats.Percentile(95));
    }
}
