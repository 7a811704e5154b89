namespace Chatbot.AppHost.Processes;

/// <summary>A process and its descendants, read from /proc, each identified by pid and start time (no pid-reuse mistakes).</summary>
public static class ProcessTree
{
    public readonly record struct ProcessId(int Pid, long StartTime);

    /// <summary>The root and every live descendant, root first.</summary>
    public static IReadOnlyList<ProcessId> Snapshot(int rootPid)
    {
        var parents = new Dictionary<int, List<ProcessId>>();
        ProcessId? root = null;
        foreach (var dir in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || ReadStat(pid) is not { } stat)
            {
                continue;
            }
            var id = new ProcessId(pid, stat.StartTime);
            if (pid == rootPid)
            {
                root = id;
            }
            if (!parents.TryGetValue(stat.ParentPid, out var children))
            {
                parents[stat.ParentPid] = children = [];
            }
            children.Add(id);
        }
        if (root is null)
        {
            return [];
        }
        var result = new List<ProcessId> { root.Value };
        for (var i = 0; i < result.Count; i++)
        {
            if (parents.TryGetValue(result[i].Pid, out var children))
            {
                result.AddRange(children);
            }
        }
        return result;
    }

    public static bool IsAlive(ProcessId id) => ReadStat(id.Pid) is { } stat && stat.StartTime == id.StartTime && stat.State != 'Z';

    public static void Signal(IEnumerable<ProcessId> ids, int signal)
    {
        foreach (var id in ids.Where(IsAlive))
        {
            _ = NativeMethods.Kill(id.Pid, signal);
        }
    }

    /// <summary>SIGKILL to every live process of the list, then waits (briefly) until none of them is alive.</summary>
    public static async Task KillAndWaitAsync(IReadOnlyList<ProcessId> ids, TimeSpan timeout)
    {
        Signal(ids, NativeMethods.SigKill);
        var deadline = DateTime.UtcNow + timeout;
        while (ids.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private static (int ParentPid, long StartTime, char State)? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // pid (comm) state ppid ... ; comm may contain spaces and parentheses, so split after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1]), long.Parse(fields[19]), fields[0][0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static IEnumerable<string> SafeEnumerate(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
