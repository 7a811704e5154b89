namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>
/// 95 % confidence intervals on proportions: Wilson's score interval for one, and Newcombe's hybrid score interval
/// (his method 10, built from the two Wilson intervals) for the difference of two independent ones. Both stay inside
/// [0, 1] / [-1, 1] and behave at small counts, where the normal approximation does not.
/// </summary>
public static class ProportionInterval
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static (double Lower, double Upper) Wilson(int successes, int trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }
        double n = trials, p = successes / n, z2 = z * z;
        var centre = p + z2 / (2 * n);
        var spread = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        var denominator = 1 + z2 / n;
        return (Math.Max(0, (centre - spread) / denominator), Math.Min(1, (centre + spread) / denominator));
    }

    /// <summary>The interval on p2 - p1 (the second proportion minus the first); null when either has no trials.</summary>
    public static (double Difference, double Lower, double Upper)? Difference(int successes1, int trials1, int successes2, int trials2,
        double z = Z95)
    {
        if (trials1 <= 0 || trials2 <= 0)
        {
            return null;
        }
        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var (l1, u1) = Wilson(successes1, trials1, z);
        var (l2, u2) = Wilson(successes2, trials2, z);
        var d = p2 - p1;
        return (d, d - Math.Sqrt((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1)),
            d + Math.Sqrt((u2 - p2) * (u2 - p2) + (p1 - l1) * (p1 - l1)));
    }
}
