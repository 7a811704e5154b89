using Chatbot.Aspire.Testing;
using Chatbot.Benchmarks;

// dotnet run -c Release --project benchmarks/Chatbot.Benchmarks -- [levels=1,100,1000] [requests=20] [seconds=20]
var levels = (args.ElementAtOrDefault(0) ?? "1,100").Split(',').Select(int.Parse).ToArray();
var requests = int.Parse(args.ElementAtOrDefault(1) ?? "20");
var seconds = int.Parse(args.ElementAtOrDefault(2) ?? "20");
ThreadPool.SetMinThreads(Math.Max(200, levels.Max()), 200);

await using var app = await (await DistributedApplicationTestingBuilder.CreateAsync())
    .WithServices("identity", "chat", "inference-worker")
    .WithEnvironment("inference-worker", "Inference__MaxConcurrency", "2000")
    .WithEnvironment("inference-worker", "Inference__Prefetch", "2000")
    .WithEnvironment("inference-worker", "Inference__Simulator__FirstTokenLatencyMilliseconds", "100")
    .WithEnvironment("inference-worker", "Inference__Simulator__TokensPerSecond", "100")
    .WithEnvironment("inference-worker", "Inference__Simulator__ReplyTokens", "20")
    .BuildAsync();
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
