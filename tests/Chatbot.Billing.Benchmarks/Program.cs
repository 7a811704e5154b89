using System.Diagnostics;
using Chatbot.Aspire.Testing;
using Chatbot.Billing.Benchmarks;
using Chatbot.Billing.Data;
using Chatbot.Billing.Ledger;
using Chatbot.Billing.Quotas;
using Chatbot.Chat.Auth;
using Chatbot.Chat.Billing;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using StackExchange.Redis;

// Billing benchmarks on loopback: reservation round trip, ledger writes per second, and what the limit check adds to
// POST message (prompt counting + reservation). Bounded loops; everything started here is stopped at the end.
var iterations = args.Length > 0 ? int.Parse(args[0]) : 5000;
await using var app = await (await DistributedApplicationTestingBuilder.CreateAsync()).WithServices().BuildAsync();
await app.StartAsync();
var billingDb = (await app.GetConnectionStringAsync("billingdb"))!;
await using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("redis"))!);
var options = Options.Create(new QuotaOptions
{
    Plans = new(StringComparer.OrdinalIgnoreCase) { ["bench"] = new PlanLimits { UserTokensPerDay = long.MaxValue / 4, RequestsPerMinute = int.MaxValue } },
});
var quotas = new QuotaReservations(redis, options, TimeProvider.System);
var tenant = Guid.NewGuid();

// 1. Reservation round trip (one Lua EVALSHA), sequential, after a warm-up.
for (var i = 0; i < 200; i++) await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, Guid.NewGuid(), "bench", 300, 1024));
var reserve = new List<double>(iterations);
for (var i = 0; i < iterations; i++)
{
    var started = Stopwatch.GetTimestamp();
    await quotas.ReserveAsync(new(Guid.NewGuid(), tenant, Guid.NewGuid(), "bench", 300, 1024));
    reserve.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
}
Console.WriteLine($"reserve round trip:        {Percentiles.Describe(reserve)}");

var settle = new List<double>(iterations);
for (var i = 0; i < iterations; i++)
{
    var id = Guid.NewGuid();
    await quotas.ReserveAsync(new(id, tenant, Guid.NewGuid(), "bench", 300, 1024));
    var started = Stopwatch.GetTimestamp();
    await quotas.SettleAsync(id, tenant, Guid.NewGuid(), 500, 0.001m, DateTimeOffset.UtcNow);
    settle.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
}
Console.WriteLine($"settle round trip:         {Percentiles.Describe(settle)}");

// 2. What the limit check adds to POST message: count the prompt (o200k) and reserve, as QuotaGate does on the send path.
var gate = new QuotaGate(quotas, TiktokenTokenizer.CreateForEncoding("o200k_base"));
var user = new CurrentUser(Guid.NewGuid(), tenant, "bench", ["member"]);
IReadOnlyList<ChatTurn> prompt =
[
    new("system", "You are a helpful assistant for the Chatbot.Aspire product. Answer briefly and precisely."),
    .. Enumerable.Range(0, 10).Select(i => new ChatTurn(i % 2 == 0 ? "user" : "assistant", $"Message {i}: " + string.Join(' ', Enumerable.Repeat("lorem ipsum dolor sit amet", 12)))),
];
for (var i = 0; i < 200; i++) await gate.ReserveAsync(user, Guid.NewGuid(), prompt, 1024);
var gateTimes = new List<double>(iterations);
for (var i = 0; i < iterations; i++)
{
    var started = Stopwatch.GetTimestamp();
    await gate.ReserveAsync(user, Guid.NewGuid(), prompt, 1024);
    gateTimes.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
}
Console.WriteLine($"POST message limit check:  {Percentiles.Describe(gateTimes)} (11-message context, o200k count + reserve)");

// 3. Ledger writes per second (INSERT … ON CONFLICT DO NOTHING on the unique reply id), 1 and 8 writers.
var dbOptions = new DbContextOptionsBuilder<BillingDbContext>().UseNpgsql(billingDb).Options;
await using (var db = new BillingDbContext(dbOptions))
{
    await db.Database.MigrateAsync();
}
foreach (var writers in new[] { 1, 8 })
{
    var perWriter = Math.Max(1, iterations / 5 / writers);
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
    Console.WriteLine($"ledger writes, {writers} writer(s): {writers * perWriter / seconds:0} rows/s ({writers * perWriter} rows in {seconds:0.00} s, price lookup included)");
}
