using Chatbot.ServiceDefaults.Authentication;
using System.Diagnostics;
using Chatbot.Aspire.Testing;
using Chatbot.Billing.Benchmarks;
using Chatbot.Billing.Data;
using Chatbot.Billing.Ledger;
using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;
using Chatbot.Chat;
using Chatbot.Chat.Turns;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using StackExchange.Redis;

// Billing benchmarks on loopback: reservation round trip, ledger writes per second, and what the limit check adds to
// POST message (prompt counting + reservation). Bounded loops; everything started here is stopped at the end.
var iterations = args.Length > 0 ? int.Parse(args[0]) : 5000;
await using var app = await (await DistributedApplicationTestingBuilder.CreateAsync()).WithServices().BuildAsync();
using var stopOnTermination = app.StopOnTermination(); // Ctrl+C or kill: no server left running
await app.StartAsync();
var billingDb = (await app.GetConnectionStringAsync("billingdb"))!;
await using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("redis"))!);
var options = Options.Create(new QuotaOptions
{
    Plans = new(StringComparer.OrdinalIgnoreCase) { ["bench"] = new PlanLimits { UserTokensPerDay = long.MaxValue / 4, RequestsPerMinute = int.MaxValue } },
});
var quotas = new QuotaReservations(redis, options, TimeProvider.System);
var tenant = Guid.NewGuid();
ReservationRequest NewRequest(Guid? id = null) => new(id ?? Guid.NewGuid(), tenant, Guid.NewGuid(), "bench", 300, 1024);

// 1. Reservation round trip (one EVALSHA of reserve.lua): one caller, then 16 callers at once (under load).
Console.WriteLine($"reserve, 1 caller:         {await Measure.RunAsync(iterations, 1, () => quotas.ReserveAsync(NewRequest()))}");
Console.WriteLine($"reserve, 16 callers:       {await Measure.RunAsync(iterations, 16, () => quotas.ReserveAsync(NewRequest()))}");
Console.WriteLine($"reserve + settle, 1 caller: {await Measure.RunAsync(iterations, 1, async () =>
{
    var id = Guid.NewGuid();
    await quotas.ReserveAsync(NewRequest(id));
    await quotas.SettleAsync(id, tenant, Guid.NewGuid(), 500, 0.001m, DateTimeOffset.UtcNow);
})}");

// 2. What the limit check cost POST message when it counted the whole context: the o200k count of every message (the
// context window builder's count) and the reservation. A send now counts only its new message (history counts are stored).
var gate = new TurnReservations(quotas);
var window = new ContextWindowBuilder(TiktokenTokenizer.CreateForEncoding("o200k_base"), Options.Create(new ChatOptions()));
var user = new CurrentUser(Guid.NewGuid(), tenant, "bench", ["member"]);
IReadOnlyList<ChatTurn> prompt =
[
    new("system", "You are a helpful assistant for the Chatbot.Aspire product. Answer briefly and precisely."),
    .. Enumerable.Range(0, 10).Select(i => new ChatTurn(i % 2 == 0 ? "user" : "assistant", $"Message {i}: " + string.Join(' ', Enumerable.Repeat("lorem ipsum dolor sit amet", 12)))),
];
int CountPrompt() => prompt.Sum(m => window.CountTokens(m.Content));
Console.WriteLine($"POST message limit check:  {await Measure.RunAsync(iterations, 1, () => gate.ReserveAsync(user, Guid.NewGuid(), CountPrompt(), 1024))}" +
    " (11-message context, o200k count + reserve)");
// What a send pays for quotas since 2026-12-03 (TurnReservation): its context budget reserved (in the service, beside
// the turn query), then trimmed to the window's stored count (counted once here, as a send reads it stored); both
// round trips back to back here, nothing overlapped.
var promptTokens = CountPrompt();
Console.WriteLine($"send's turn reservation:   {await Measure.RunAsync(iterations, 1, async () =>
{
    var turn = gate.Begin(user, Guid.NewGuid(), window.Budget, 1024);
    await turn.ForWindowAsync(promptTokens);
    await turn.TrimFailedAsync();
})} (context budget reserved, then trimmed to the window)");

// 3. Ledger writes per second (INSERT … ON CONFLICT DO NOTHING on the unique reply id), 1 and 8 writers.
var dbOptions = new DbContextOptionsBuilder<BillingDbContext>().UseNpgsql(billingDb).Options;
await using (var db = new BillingDbContext(dbOptions))
{
    await db.Database.MigrateAsync();
}
foreach (var writers in new[] { 1, 8 })
{
    var perWriter = Math.Max(1, iterations / 5 / writers);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
    {
        await using var db = new BillingDbContext(dbOptions);
        var ledger = new UsageLedger(db, new PriceBook(db), TimeProvider.System);
        for (var i = 0; i < perWriter; i++)
        {
            var id = Guid.NewGuid();
            await ledger.RecordAsync(new UsageRecorded(id, DateTimeOffset.UtcNow, id, tenant, Guid.NewGuid(), Guid.NewGuid(), "simulator", "sim", 1, 300, 500, 0.001m), default);
        }
    }));
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var rows = writers * perWriter;
    Console.WriteLine($"ledger writes, {writers} writer(s): {rows / seconds:0} rows/s ({rows} rows in {seconds:0.00} s, price lookup included), " +
        $"{(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / rows:0} B allocated per row");
}

using var process = Process.GetCurrentProcess();
Console.WriteLine($"memory: working set {process.WorkingSet64 / 1048576.0:0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:0} MiB, " +
    $"managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:0} MiB, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
