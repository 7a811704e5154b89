using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Tests;

public sealed class ProcessStopTests
{
    /// <summary>A shell with two background children: a tree of three processes.</summary>
    private static ProcessSpec Tree(string script = "sleep 300 & sleep 300 & wait") => new("bash", ["-c", script], "/");

    [Fact]
    public async Task Stop_leaves_no_process_of_the_tree_behind()
    {
        var process = ManagedProcess.Start(Tree(), (_, _) => { });
        var tree = await WaitForTreeAsync(process.Pid, 3);

        await process.StopAsync(TimeSpan.FromSeconds(2));

        Assert.All(tree, id => Assert.False(ProcessTree.IsAlive(id), $"pid {id.Pid} survived"));
    }

    [Fact]
    public async Task A_process_that_ignores_SIGTERM_is_killed_after_the_grace_period()
    {
        var process = ManagedProcess.Start(Tree("trap '' TERM; sleep 300 & sleep 300 & wait"), (_, _) => { });
        var tree = await WaitForTreeAsync(process.Pid, 3);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await process.StopAsync(TimeSpan.FromMilliseconds(500));

        Assert.All(tree, id => Assert.False(ProcessTree.IsAlive(id), $"pid {id.Pid} survived"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Kill_removes_the_whole_tree_at_once()
    {
        var process = ManagedProcess.Start(Tree(), (_, _) => { });
        var tree = await WaitForTreeAsync(process.Pid, 3);

        process.Kill();
        await process.Exited.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(200);

        Assert.All(tree, id => Assert.False(ProcessTree.IsAlive(id), $"pid {id.Pid} survived"));
    }

    [Fact]
    public async Task Output_lines_reach_the_callback()
    {
        var lines = new List<string>();
        var process = ManagedProcess.Start(new ProcessSpec("bash", ["-c", "echo out; echo err >&2"], "/"), (line, _) => { lock (lines) lines.Add(line); });

        Assert.Equal(0, await process.Exited.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("out", lines);
        Assert.Contains("err", lines);
    }

    private static async Task<IReadOnlyList<ProcessTree.ProcessId>> WaitForTreeAsync(int pid, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var tree = ProcessTree.Snapshot(pid);
            if (tree.Count >= count)
            {
                return tree;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"process {pid} did not start {count} processes");
    }
}
