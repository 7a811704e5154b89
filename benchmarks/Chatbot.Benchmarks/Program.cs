using Chatbot.Aspire.Testing;
using Chatbot.Benchmarks;

// dotnet run -c Release --project benchmarks/Chatbot.Benchmarks -- [levels=1,100,1000] [requests=20] [seconds=20] [--without-output-guard] [--with-moderation]
var levels = (args.ElementAtOrDefault(0) ?? "1,100").Split(',').Select(int.Parse).ToArray();
var requests = int.Parse(args.ElementAtOrDefault(1) ?? "20");
var seconds = int.Parse(args.ElementAtOrDefault(2) ?? "20");
ThreadPool.SetMinThreads(Math.Max(200, levels.Max()), 200);

// --with-moderation: chat → moderation → worker; the moderation hop's added TTFT is this run's "TTFT system" minus a
// run without the flag (chat → worker directly, Moderation__Enabled=false), same levels.
var withModeration = args.Contains("--with-moderation");
var builder = (await DistributedApplicationTestingBuilder.CreateAsync())
    .WithServices(withModeration ? ["identity", "chat", "moderation", "inference-worker"] : ["identity", "chat", "inference-worker"])
    // The chat → worker path is measured here; billing's limits have their own benchmarks.
    .WithEnvironment("chat", "Moderation__Enabled", withModeration ? "true" : "false")
    .WithEnvironment("inference-worker", "Inference__MaxConcurrency", "2000")
    .WithEnvironment("inference-worker", "Inference__Prefetch", "2000")
    .WithEnvironment("inference-worker", "Inference__Simulator__FirstTokenLatencyMilliseconds", "100")
    .WithEnvironment("inference-worker", "Inference__Simulator__TokensPerSecond", "100")
    .WithEnvironment("inference-worker", "Inference__Simulator__ReplyTokens", "20");
foreach (var limit in new[] { "UserTokensPerDay", "TenantTokensPerDay", "RequestsPerMinute", "MonthlyBudgetUsd" })
{
    builder.WithEnvironment("chat", $"Quotas__Plans__free__{limit}", "1000000000");
}
if (args.Contains("--without-output-guard"))
{
    // Separates the output guard's hold-back window (about 8 tokens) from the pipeline's own overhead.
    builder.WithEnvironment("inference-worker", "Moderation__Output__Enabled", "false");
}
await using var app = await builder.BuildAsync();
await app.StartAsync();
var chat = app.GetEndpoint("chat");
var users = new List<ChatApi>();
for (var i = 0; i < 5; i++)
{
    users.Add(await ChatApi.SignUpAsync(chat));
}
var scenarios = new Scenarios(users, app.GetEndpoint("inference-worker"), requests, TimeSpan.FromSeconds(seconds));
await scenarios.PostMessageAsync(4); // warm-up: JIT, pools, first connections

Console.WriteLine($"| concurrency | POST p50 ms | POST p95 ms | list p95 ms | TTFT system p50/p95 ms | TTFT direct p50/p95 ms | TTFT overhead p95 ms | turns/s |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var level in levels)
{
    var post = await scenarios.PostMessageAsync(level);
    var list = await scenarios.ListConversationsAsync(level);
    var direct = await scenarios.TimeToFirstTokenDirectAsync(level);
    var system = await scenarios.TimeToFirstTokenThroughSystemAsync(level);
    var turns = await scenarios.SustainedTurnsPerSecondAsync(level);
    Console.WriteLine($"| {level} | {post.Percentile(50):0.0} | {post.Percentile(95):0.0} | {list.Percentile(95):0.0} | " +
        $"{system.Percentile(50):0.0} / {system.Percentile(95):0.0} | {direct.Percentile(50):0.0} / {direct.Percentile(95):0.0} | " +
        $"{system.Percentile(95) - direct.Percentile(95):0.0} | {turns:0.0} |");
}
