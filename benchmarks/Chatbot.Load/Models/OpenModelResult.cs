namespace Chatbot.Load.Models;

/// <summary>What an open-model run did: arrivals scheduled, started, dropped at the in-flight cap, started late.</summary>
public sealed record OpenModelResult(long Scheduled, long Started, long Dropped, long Late, double Seconds)
{
    /// <summary>Started iterations per second of the run (the rate actually offered to the system).</summary>
    public double AchievedRate => Seconds > 0 ? Started / Seconds : 0;
}
