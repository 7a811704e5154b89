namespace Chatbot.Load.Metrics;

/// <summary>One goal of the issue, e.g. "loaded list p95 under 25 ms", and what was measured against it.</summary>
public sealed record Goal(string Name, double Measured, string Unit, string Comparison, double Target)
{
    /// <summary>Null when nothing was measured (NaN): reported as "not measured", never as a pass.</summary>
    public bool? Passed => double.IsNaN(Measured) ? null : Comparison switch
    {
        "<" => Measured < Target,
        "<=" => Measured <= Target,
        ">=" => Measured >= Target,
        ">" => Measured > Target,
        _ => throw new InvalidOperationException($"Unknown comparison {Comparison}."),
    };

    public static Goal Below(string name, double measured, string unit, double target) => new(name, measured, unit, "<", target);

    public static Goal AtMost(string name, double measured, string unit, double target) => new(name, measured, unit, "<=", target);

    public static Goal AtLeast(string name, double measured, string unit, double target) => new(name, measured, unit, ">=", target);
}
