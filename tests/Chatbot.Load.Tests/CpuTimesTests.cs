using Chatbot.Load.Overhead;

namespace Chatbot.Load.Tests;

public sealed class CpuTimesTests
{
    [Fact]
    public void Busy_and_steal_are_shares_of_all_the_time_between_two_readings()
    {
        var before = CpuTimes.Parse("cpu  0 0 0 0 0 0 0 0 0 0");
        // user 300, nice 50, system 100, idle 400, iowait 20, irq 0, softirq 30, steal 100; guest 7 is already in user.
        var after = CpuTimes.Parse("cpu  300 50 100 400 20 0 30 100 7 0");

        var (busy, steal) = CpuTimes.Between(before, after);

        Assert.Equal(48.0, busy, precision: 6); // (300 + 50 + 100 + 30) / 1000
        Assert.Equal(10.0, steal, precision: 6); // iowait counts as idle
    }

    [Fact]
    public void The_machine_readings_parse()
    {
        var first = CpuTimes.Read();
        var (busy, steal) = CpuTimes.Between(first, first with { Idle = first.Idle + 100 });

        Assert.Equal(0.0, busy);
        Assert.Equal(0.0, steal);
    }
}
