using System.Globalization;

namespace Chatbot.Load.Sut;

/// <summary>
/// Memory of the process that listens on a local TCP port (Linux /proc): resident set size, and the GC heap as chat's
/// Prometheus endpoint reports it. Used to compute memory per open SSE stream on one chat instance.
/// </summary>
public static class ProcessMemory
{
    /// <summary>The id of the process listening on <paramref name="port"/>, or null (not local, or not visible).</summary>
    public static int? FindListener(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // f[1] = local address:port (hex), f[3] = state (0A = LISTEN), f[9] = inode
                if (f.Length > 9 && f[3] == "0A" && int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add($"socket:[{f[9]}]");
                }
            }
        }
        if (inodes.Count == 0)
        {
            return null;
        }
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }
            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd"))
                    .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // another user's process, or it just exited
            }
        }
        return null;
    }

    /// <summary>VmRSS of the process in bytes, or NaN.</summary>
    public static double ResidentBytes(int? pid)
    {
        var status = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(status))
        {
            return double.NaN;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The GC heap size after the last collection (sum over generations) from <c>/metrics</c>, or NaN.</summary>
    public static async Task<double> GcHeapBytesAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            var text = await http.GetStringAsync("/metrics", ct);
            return SumMetric(text, "dotnet_gc_last_collection_heap_size_bytes");
        }
        catch (HttpRequestException)
        {
            return double.NaN;
        }
    }

    /// <summary>Sums every sample of a Prometheus metric (all label sets); NaN when absent.</summary>
    internal static double SumMetric(string exposition, string metric)
    {
        var samples = exposition.Split('\n')
            .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && l.Length > metric.Length && l[metric.Length] is '{' or ' ')
            .Select(l => l[(l.IndexOf('}') is var brace and >= 0 ? brace + 1 : metric.Length)..]) // "name{labels} value [timestamp]"
            .Select(rest => double.Parse(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture))
            .ToList();
        return samples.Count == 0 ? double.NaN : samples.Sum();
    }
}
