using System.Globalization;
using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Tests;

/// <summary>Issue 25, non-AI routes first: the AI process runs at a lower OS scheduling priority where the AppHost starts it.</summary>
public sealed class SchedulingNicenessTests
{
    [Fact]
    public async Task A_process_started_with_a_niceness_runs_at_it_and_keeps_its_own_pid()
    {
        await using var process = ManagedProcess.Start(new ProcessSpec("sleep", ["30"], "/") { Niceness = 10 }, (_, _) => { });

        Assert.Equal(Math.Min(19, Niceness(Environment.ProcessId) + 10), await NicenessAsync(process.Pid));
        Assert.EndsWith("sleep", File.ReadAllText($"/proc/{process.Pid}/comm").Trim(), StringComparison.Ordinal); // nice execs in place
    }

    [Fact]
    public async Task Without_a_niceness_a_process_runs_at_the_AppHost_s_own()
    {
        await using var process = ManagedProcess.Start(new ProcessSpec("sleep", ["30"], "/"), (_, _) => { });

        Assert.Equal(Niceness(Environment.ProcessId), await NicenessAsync(process.Pid));
    }

    [Fact]
    public void The_inference_worker_is_the_one_service_declared_below_the_others_and_nice_off_is_parsed()
    {
        var declared = ChatbotTopology.Create().Projects.Where(p => p.Niceness > 0).Select(p => (p.Name, p.Niceness));

        Assert.Equal([("inference-worker", 10)], declared);
        Assert.True(AppHostOptionsParser.Parse([]).Nice);
        Assert.False(AppHostOptionsParser.Parse(["--nice", "off"]).Nice);
        Assert.Throws<ArgumentException>(() => AppHostOptionsParser.Parse(["--nice", "maybe"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectResource("x", null!, 1).WithSchedulingNiceness(20));
    }

    private static async Task<int> NicenessAsync(int pid)
    {
        // setsid and nice exec in place: wait until the pid runs the final program.
        for (var i = 0; i < 50 && !File.ReadAllText($"/proc/{pid}/comm").StartsWith("sleep", StringComparison.Ordinal); i++)
        {
            await Task.Delay(20);
        }
        return Niceness(pid);
    }

    /// <summary>Field 19 of <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    private static int Niceness(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }
}
