namespace Chatbot.Benchmarks;

/// <summary>Resident memory of a service process started by the test builder, found by its assembly name.</summary>
public static class ProcessMemory
{
    public static double ResidentMegabytes(string assemblyFileName)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!cmdline.Contains(assemblyFileName, StringComparison.Ordinal))
                {
                    continue;
                }
                var rss = File.ReadLines(Path.Combine(dir, "status")).First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The process ended or is not ours.
            }
        }
        return double.NaN;
    }
}
