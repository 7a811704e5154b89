using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Load.Overhead;

/// <summary>
/// Keeps <c>count</c> reply streams open at once: each loop sends a message whose simulated reply streams slowly for
/// 25 to 75 seconds (uniformly drawn, so the streams end and restart spread over time as in a steady state, not all in
/// the same second as equal lengths started together would), reads it over SSE and starts the next when it ends. Disposing stops the loops and cancels every
/// reply still generating, so the next level starts from an idle system.
/// </summary>
public sealed class BackgroundStreams(IReadOnlyList<ProbeClient> users, int count, double tokensPerSecond) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<Guid, ProbeClient> generating = new();
    private readonly List<Task> loops = [];
    private int open;
    private int errors;

    /// <summary>Streams that have shown their first token and have not ended.</summary>
    public int Open => Volatile.Read(ref open);

    public int Errors => Volatile.Read(ref errors);

    private string Message => $"[[sim:tokens={(int)(tokensPerSecond * Random.Shared.Next(25, 76))};tps={tokensPerSecond}]] background stream";

    /// <summary>Starts the loops at <paramref name="startsPerSecond"/> and waits until all streams are open.</summary>
    public async Task OpenAsync(int startsPerSecond, TimeSpan timeout)
    {
        for (var i = 0; i < count; i++)
        {
            var user = users[i % users.Count];
            loops.Add(Task.Run(() => LoopAsync(user)));
            if ((i + 1) % startsPerSecond == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Open < count && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
    }

    private async Task LoopAsync(ProbeClient user)
    {
        Guid conversation;
        try
        {
            conversation = await user.CreateConversationAsync();
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref errors);
            return;
        }
        while (!stop.IsCancellationRequested)
        {
            var shown = false;
            try
            {
                var sent = await user.SendAsync(conversation, Message);
                generating[sent.ReplyId] = user;
                await user.ReadStreamAsync(sent.StreamUrl, Stopwatch.GetTimestamp(), () =>
                {
                    shown = true;
                    Interlocked.Increment(ref open);
                }, ct: stop.Token);
                generating.TryRemove(sent.ReplyId, out _);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                Interlocked.Increment(ref errors);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            finally
            {
                if (shown)
                {
                    Interlocked.Decrement(ref open);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        await Parallel.ForEachAsync(generating, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (reply, _) =>
        {
            try
            {
                await reply.Value.CancelAsync(reply.Key);
            }
            catch (HttpRequestException)
            {
                // Already finished.
            }
        });
        stop.Dispose();
    }
}
