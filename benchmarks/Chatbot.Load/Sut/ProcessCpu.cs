using System.Globalization;

namespace Chatbot.Load.Sut;

/// <summary>CPU time (user + system) a local process has used so far, from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
public static class ProcessCpu
{
    /// <summary>Clock ticks per second of <c>/proc</c>'s times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU, or NaN when the process is not visible.</summary>
    public static double Seconds(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return double.NaN;
        }
        return Parse(File.ReadAllText(path));
    }

    /// <summary>utime + stime (fields 14 and 15) of a stat line; the name in parentheses may hold spaces.</summary>
    internal static double Parse(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
