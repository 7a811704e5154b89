using System.Globalization;

namespace Chatbot.Load.Overhead;

/// <summary>
/// The machine's CPU time from the first line of <c>/proc/stat</c> (clock ticks, all cores). Taken around the probe, it
/// says how busy the machine was and how much of its time the hypervisor gave to other guests (steal): runs of the same
/// code differ by a factor of two in tail latency and turns/s as steal changes, so each run's figures carry it.
/// </summary>
public readonly record struct CpuTimes(long Busy, long Idle, long Steal)
{
    public static CpuTimes Read() => Parse(File.ReadLines("/proc/stat").First());

    /// <param name="line"><c>cpu user nice system idle iowait irq softirq steal guest guest_nice</c></param>
    public static CpuTimes Parse(string line)
    {
        var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new CpuTimes(Busy: t[0] + t[1] + t[2] + t[5] + t[6], Idle: t[3] + t[4], Steal: t[7]);
    }

    /// <summary>Busy and steal time between two readings, in percent of all the cores' time.</summary>
    public static (double BusyPercent, double StealPercent) Between(CpuTimes before, CpuTimes after)
    {
        var total = (after.Busy - before.Busy) + (after.Idle - before.Idle) + (after.Steal - before.Steal);
        return total <= 0 ? (double.NaN, double.NaN)
            : (100.0 * (after.Busy - before.Busy) / total, 100.0 * (after.Steal - before.Steal) / total);
    }
}
