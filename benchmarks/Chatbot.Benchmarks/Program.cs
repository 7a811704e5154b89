using System.Globalization;
using Chatbot.Aspire.Testing;
using Chatbot.Benchmarks;
using Chatbot.Benchmarks.Tracing;

// dotnet run -c Release --project benchmarks/Chatbot.Benchmarks -- [levels=1,100] [probe-turns=500] [sustained-seconds=20]
//     [--stream-tps=20] [--without-output-guard] [--with-moderation] [--trace] [--message-chars=N] [--env=resource:KEY=VALUE ...]
//     [--openai]
// Each level N: N-1 background replies stream at once (25 to 75 s each, restarted when done) and one probe client takes
// its turns meanwhile, so N streams are open while POST, list and time to first token are measured. Then N clients
// run short turns back to back for the sustained turns per second.
var levels = (args.ElementAtOrDefault(0) ?? "1,100").Split(',').Select(int.Parse).ToArray();
var probeTurns = int.Parse(args.ElementAtOrDefault(1) ?? "500", CultureInfo.InvariantCulture);
var sustained = TimeSpan.FromSeconds(int.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture));
var streamTps = double.Parse(args.FirstOrDefault(a => a.StartsWith("--stream-tps=", StringComparison.Ordinal))?.Split('=')[1] ?? "20",
    CultureInfo.InvariantCulture);
// --message-chars=N: the probe sends N characters of varied text per turn instead of a short line (ProbeMessages).
var messageChars = args.FirstOrDefault(a => a.StartsWith("--message-chars=", StringComparison.Ordinal))?.Split('=')[1] is { } chars
    ? int.Parse(chars, CultureInfo.InvariantCulture) : (int?)null;
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);

// --with-moderation: chat → moderation → worker; the moderation hop's added TTFT is this run's "TTFT system" minus a
// run without the flag (chat → worker directly, Moderation__Enabled=false), same levels.
var withModeration = args.Contains("--with-moderation");
// --openai: the probe uses chat's /v1/chat/completions against the simulator's own /v1 (OpenAiProbe); billing runs too,
// so every turn settles in the ledger; no sustained phase.
var openAi = args.Contains("--openai");
string[] services = [.. withModeration ? ["identity", "chat", "moderation", "inference-worker"] : new[] { "identity", "chat", "inference-worker" },
    .. openAi ? ["billing"] : Array.Empty<string>()];
var builder = (await DistributedApplicationTestingBuilder.CreateAsync())
    .WithServices(services)
    // The chat → worker path is measured here; billing's limits have their own benchmarks.
    .WithEnvironment("chat", "Moderation__Enabled", withModeration ? "true" : "false")
    // One sign-up serves the whole run, which can outlast the default 15-minute access token (1,100,1000 takes ~16 min;
    // an hour is the longest identity allows).
    .WithEnvironment("identity", "Identity__AccessTokenLifetime", "01:00:00")
    // Every simulated user is 127.0.0.1 and a free tenant: the per-IP and per-tenant request windows would count the
    // whole benchmark as one abusive caller (real traffic comes from many addresses).
    .WithLoopbackClients("Free")
    .WithEnvironment("inference-worker", "Inference__Providers__0__MaxConcurrentRequests", "2000")
    .WithSimulatorPace(firstTokenMilliseconds: 100, tokensPerSecond: 100, replyTokens: 20)
    .WithoutQuotas();
if (args.Contains("--without-output-guard"))
{
    // Separates the output guard's hold-back window (about 8 tokens) from the pipeline's own overhead.
    builder.WithEnvironment("inference-worker", "Moderation__Output__Enabled", "false");
}
// --trace: chat and the worker export their spans (OTLP/HTTP) to a receiver in this process, and each probe turn carries
// its own trace id, so its time to first token is split into hops (HopBreakdown).
await using var traces = args.Contains("--trace") ? new OtlpTraceReceiver() : null;
if (traces is not null)
{
    foreach (var service in new[] { "chat", "inference-worker" })
    {
        builder.WithEnvironment(service, "OTEL_EXPORTER_OTLP_ENDPOINT", traces.Endpoint.ToString())
            .WithEnvironment(service, "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnvironment(service, "OTEL_BSP_SCHEDULE_DELAY", "500");
    }
}
foreach (var setting in args.Where(a => a.StartsWith("--env=", StringComparison.Ordinal)))
{
    // Experiments: any setting of any resource, e.g. --env=chat:Outbox__FastPath=false.
    var (resource, pair) = (setting[6..].Split(':', 2)[0], setting[6..].Split(':', 2)[1]);
    builder.WithEnvironment(resource, pair.Split('=', 2)[0], pair.Split('=', 2)[1]);
}
await using var app = await builder.BuildAsync();
using var stopOnTermination = app.StopOnTermination(); // Ctrl+C or kill: no server or service left running
await app.StartAsync();
var chat = app.GetEndpoint("chat");
if (openAi)
{
    await FreePlan.LiftAsync(chat, app.StateDirectory);
    Console.WriteLine("changed: billing's free plan limits lifted through PUT /api/billing/plans/free (quotas still reserved and settled)");
}
var users = new List<ChatApi>();
for (var i = 0; i < 5; i++)
{
    users.Add(await ChatApi.SignUpAsync(chat));
}
var scenarios = new Scenarios(users, await ChatApi.SignUpAsync(chat), app.GetEndpoint("inference-worker"), traces,
    ProbeMessages.For(messageChars));
// Warm-up: pools, first connections, and enough calls for tiered JIT to reach optimised code on every hot path.
await scenarios.SustainedTurnsPerSecondAsync(20, TimeSpan.FromSeconds(15));
await scenarios.ProbeAsync(20);

Console.WriteLine($"Background streams at {streamTps} tokens/s; probe turns: first token after 100 ms, 20 tokens at 100 tokens/s.");
if (openAi)
{
    await OpenAiLevelsAsync();
    return;
}
Console.WriteLine("| streams | open | POST p50/p95/p99 ms | list p95 ms | TTFT system p50/p95 ms | TTFT direct p50/p95 ms | TTFT overhead p50/p95 ms | chat / worker RSS MB | errors | turns/s | CPU busy / steal % |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var level in levels)
{
    ProbeResult probe;
    int open, errors;
    double chatRss, workerRss;
    (double Busy, double Steal) cpu;
    await using (var background = new BackgroundStreams(users, level - 1, streamTps))
    {
        await background.OpenAsync(startsPerSecond: 100, timeout: TimeSpan.FromMinutes(2));
        open = background.Open + 1;
        var cpuBefore = CpuTimes.Read();
        probe = await scenarios.ProbeAsync(probeTurns);
        cpu = CpuTimes.Between(cpuBefore, CpuTimes.Read());
        (chatRss, workerRss) = (ProcessMemory.ResidentMegabytes("Chatbot.Chat.dll"), ProcessMemory.ResidentMegabytes("Chatbot.InferenceWorker.dll"));
        errors = background.Errors;
    }
    await Task.Delay(TimeSpan.FromSeconds(3)); // cancelled replies end
    var turns = await scenarios.SustainedTurnsPerSecondAsync(level, sustained);
    Console.WriteLine($"| {level} | {open} | {probe.Post.Percentile(50):0.0} / {probe.Post.Percentile(95):0.0} / {probe.Post.Percentile(99):0.0} | " +
        $"{probe.List.Percentile(95):0.0} | {probe.TtftSystem.Percentile(50):0.0} / {probe.TtftSystem.Percentile(95):0.0} | " +
        $"{probe.TtftDirect.Percentile(50):0.0} / {probe.TtftDirect.Percentile(95):0.0} | " +
        $"{probe.TtftSystem.Percentile(50) - probe.TtftDirect.Percentile(50):0.0} / {probe.TtftSystem.Percentile(95) - probe.TtftDirect.Percentile(95):0.0} | " +
        $"{chatRss:0} / {workerRss:0} | {errors} | {turns:0.0} | {cpu.Busy:0} / {cpu.Steal:0.0} |");
    if (traces is not null)
    {
        HopBreakdown.Print(probe.Traced, traces);
    }
}

// --openai: per level, the same background streams, and the OpenAI probe instead of the /api probe.
async Task OpenAiLevelsAsync()
{
    using var simulator = new HttpClient { BaseAddress = app.GetEndpoint("inference-worker"), Timeout = TimeSpan.FromMinutes(5) };
    var probe = new OpenAiProbe(scenarios.Prober.Http, simulator, traces);
    await probe.RunAsync(20); // warm-up
    Console.WriteLine($"/v1/chat/completions (moderation {(withModeration ? "on" : "off")}, billing on) vs the simulator's /v1, {probeTurns} turns per level.");
    Console.WriteLine("| streams | open | stream TTFT /v1 p50/p95 ms | direct p50/p95 ms | added p50/p95 ms | non-stream /v1 p50/p95 ms | direct p50/p95 ms | added p50 ms | errors |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    foreach (var level in levels)
    {
        await using var background = new BackgroundStreams(users, level - 1, streamTps);
        await background.OpenAsync(startsPerSecond: 100, timeout: TimeSpan.FromMinutes(2));
        var r = await probe.RunAsync(probeTurns);
        Console.WriteLine($"| {level} | {background.Open + 1} | {r.StreamSystem.Percentile(50):0.0} / {r.StreamSystem.Percentile(95):0.0} | " +
            $"{r.StreamDirect.Percentile(50):0.0} / {r.StreamDirect.Percentile(95):0.0} | " +
            $"{r.StreamSystem.Percentile(50) - r.StreamDirect.Percentile(50):0.0} / {r.StreamSystem.Percentile(95) - r.StreamDirect.Percentile(95):0.0} | " +
            $"{r.CompleteSystem.Percentile(50):0.0} / {r.CompleteSystem.Percentile(95):0.0} | " +
            $"{r.CompleteDirect.Percentile(50):0.0} / {r.CompleteDirect.Percentile(95):0.0} | " +
            $"{r.CompleteSystem.Percentile(50) - r.CompleteDirect.Percentile(50):0.0} | {background.Errors} |");
        if (traces is not null)
        {
            HopBreakdown.Print(r.Traced, traces);
        }
    }
}
