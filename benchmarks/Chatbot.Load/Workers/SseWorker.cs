using System.Text.Json;
using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Models;

namespace Chatbot.Load.Workers;

/// <summary>
/// Worker mode of scenario 5 (<c>--worker sse</c>, launched by the coordinator, one process per few thousand streams
/// because of the per-process open-file limit): opens <c>--streams</c> reply streams over <c>--ramp</c> seconds (a
/// conversation and a message each; accounts and message in environment variables), holds them, reports progress on
/// stdout every 2 s, and on a <c>stop</c> line on stdin closes them and prints its recorded steps.
/// </summary>
public static class SseWorker
{
    public const string AccountsVariable = "CHATBOT_LOAD_ACCOUNTS";
    public const string MessageVariable = "CHATBOT_LOAD_MESSAGE";

    public static async Task<int> RunAsync(LoadOptions o)
    {
        var accounts = JsonSerializer.Deserialize<Account[]>(Environment.GetEnvironmentVariable(AccountsVariable) ?? "[]") ?? [];
        var message = Environment.GetEnvironmentVariable(MessageVariable) ?? "sse";
        var streams = o.Int("streams", 2500);
        var recorder = new Recorder();
        var gauge = new StreamGauge();
        var (next, failed) = (0, 0);
        using var http = ChatApi.CreateHttpClient(new Uri(o.String("target") ?? throw new ArgumentException("--target is required")));
        var api = new ChatApi(http, recorder);
        using var stop = new CancellationTokenSource();
        var stdin = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line && line != "stop")
            {
            }
            await stop.CancelAsync();
        });
        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Write(new WorkerMessage(gauge.Open, gauge.Streaming, Volatile.Read(ref failed)));
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
        });
        var ramp = o.Seconds("ramp", 60);
        var open = new OpenModel(streams / Math.Max(1, ramp.TotalSeconds), ramp, streams, TimeSpan.FromSeconds(1));
        await open.RunAsync(async token =>
        {
            var account = accounts[Interlocked.Increment(ref next) % accounts.Length];
            try
            {
                var conversation = await api.CreateConversationAsync(account, token);
                await api.TurnAsync(account, conversation, message, gauge, token);
            }
            catch (Exception) when (!token.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed); // counted by the failing step; the coordinator stops waiting for it
                throw;
            }
        }, TimeSpan.FromDays(1), stop.Token);
        await Task.WhenAll(stdin, progress);
        recorder.Stop();
        Write(new WorkerMessage(gauge.Open, gauge.Streaming, failed, StepSnapshot.Of(recorder)));
        return 0;
    }

    private static void Write(WorkerMessage message)
    {
        lock (Console.Out)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(message));
            Console.Out.Flush();
        }
    }
}
