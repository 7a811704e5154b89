using System.Globalization;
using System.Net;
using System.Text.Json;
using Chatbot.Load.Metrics;
using Chatbot.Load.Sut;
using Chatbot.Load.Workers;

namespace Chatbot.Load.Scenarios;

/// <summary>
/// Scenario 5 (<c>sse-10k</c>): 10,000 concurrent reply streams on ONE chat instance, opened by several worker
/// processes (<c>--workers</c>, because of the 20,000 open files per process), each stream a slow reply that lasts
/// the whole run. Chat's resident memory (and GC heap, from its <c>/metrics</c>) is read before the streams open and
/// while all are held; the difference divided by the open streams is the memory per stream. Goal: under 25 KB.
/// Needs chat on this machine (its process is found by its listening port).
/// </summary>
public sealed class SseScenario : IScenario
{
    public string Name => "sse-10k";

    public async Task<ScenarioResult> RunAsync(LoadContext context, CancellationToken ct)
    {
        var o = context.Options;
        var (streams, workers, hold, ramp) = (o.Int("streams", 10_000), o.Int("workers", 4), o.Seconds("hold", 60), o.Seconds("ramp", 60));
        var openTimeout = o.Seconds("open-timeout", ramp.TotalSeconds + 120);
        var tps = o.Double("sim-tps", 0.5);
        // Each reply lasts past the end of the run, then ends on its own (nothing keeps generating for hours).
        var tokens = (int)Math.Ceiling(tps * (openTimeout + hold).TotalSeconds + 10);
        var message = context.Message("sse: hold the stream", 0, tps, tokens);
        var setup = new Recorder();
        var accounts = await context.AccountsAsync(o.Int("accounts", 20), setup, ct);
        var result = new ScenarioResult(Name) { Phases = { ("setup and warm-up", setup) } };

        var chat = context.System.Chat;
        var pid = chat.IsLoopback || IPAddress.TryParse(chat.Host, out var ip) && IPAddress.IsLoopback(ip) ? ProcessMemory.FindListener(chat.Port) : null;
        if (pid is null)
        {
            result.Notes.Add($"chat's process was not found on this machine (port {chat.Port}): memory is not measured");
        }
        // Warm chat up first (JIT, connection pools, EF model), so the baseline is not a cold process's.
        var warmUp = new ChatJourney(context.Api(setup), accounts, context.Message("sse: warm-up", 0, 0, 5), 2, TimeSpan.Zero);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(user => warmUp.RunAsync(user, () => true, ct)));
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        using var management = new HttpClient { BaseAddress = context.System.ChatManagement }; // /metrics is not on the public origin
        var (rssBefore, heapBefore) = (ProcessMemory.ResidentBytes(pid), await ProcessMemory.GcHeapBytesAsync(management, ct));
        setup.Stop();

        var environment = new Dictionary<string, string>
        {
            [SseWorker.AccountsVariable] = JsonSerializer.Serialize(accounts),
            [SseWorker.MessageVariable] = message,
        };
        var run = new Recorder(); // the workers' steps are merged into it; its clock spans their whole run
        var processes = Enumerable.Range(0, workers).Select(w => new WorkerProcess(
            ["--worker", "sse", "--target", chat.ToString(), "--streams", Share(streams, workers, w).ToString(CultureInfo.InvariantCulture),
             "--ramp", ramp.TotalSeconds.ToString(CultureInfo.InvariantCulture)], environment)).ToList();
        try
        {
            var deadline = DateTime.UtcNow + openTimeout;
            while (processes.Sum(p => p.Latest.Open + p.Latest.Failed) < streams && DateTime.UtcNow < deadline)
            {
                Console.WriteLine($"sse-10k: {processes.Sum(p => p.Latest.Open)} of {streams} streams open, " +
                    $"{processes.Sum(p => p.Latest.Streaming)} streaming, {processes.Sum(p => p.Latest.Failed)} failed to open");
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            var (open, streaming, rssHeld, heapHeld) = (processes.Sum(p => p.Latest.Open), processes.Sum(p => p.Latest.Streaming),
                ProcessMemory.ResidentBytes(pid), await ProcessMemory.GcHeapBytesAsync(management, ct));
            var (minOpen, rssMax) = (open, rssHeld);
            for (var end = DateTime.UtcNow + hold; DateTime.UtcNow < end;)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                minOpen = Math.Min(minOpen, processes.Sum(p => p.Latest.Open));
                rssMax = Math.Max(rssMax, ProcessMemory.ResidentBytes(pid));
                Console.WriteLine($"sse-10k: holding {processes.Sum(p => p.Latest.Open)} streams, chat RSS {ProcessMemory.ResidentBytes(pid) / 1048576:0} MB");
            }
            foreach (var final in await Task.WhenAll(processes.Select(p => p.StopAsync(TimeSpan.FromMinutes(2)))))
            {
                foreach (var step in final.Steps!)
                {
                    step.MergeInto(run);
                }
            }
            run.Stop();
            result.Phases.Add(($"{workers} worker processes", run));

            result.Figures["streams open when measured"] = open;
            result.Figures["streams receiving tokens when measured"] = streaming;
            result.Figures["streams open (minimum while held)"] = minOpen;
            result.Figures["chat RSS before MB"] = rssBefore / 1048576;
            result.Figures["chat RSS with streams open MB"] = rssHeld / 1048576;
            result.Figures["chat RSS max while held MB"] = rssMax / 1048576;
            result.Figures["chat GC heap (after its last collection) before MB"] = heapBefore / 1048576;
            result.Figures["chat GC heap (after its last collection) with streams open MB"] = heapHeld / 1048576;
            result.Figures["GC heap per stream KB"] = (heapHeld - heapBefore) / Math.Max(1, open) / 1024;
            var perStream = open > 0 ? (rssHeld - rssBefore) / open / 1024 : double.NaN;
            result.Figures["RSS per stream KB"] = perStream;
            if (open < streams)
            {
                result.Notes.Add($"only {open} of {streams} streams were open when memory was read");
            }
            result.Goals.Add(Goal.AtLeast("streams open at once", open, "", streams));
            result.Goals.Add(Goal.Below("chat memory (RSS) per stream", perStream, "KB", 25));
            return result;
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    internal static int Share(int total, int parts, int index) => total / parts + (index < total % parts ? 1 : 0);
}
