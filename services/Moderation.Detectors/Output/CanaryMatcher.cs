namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Knuth–Morris–Pratt automaton over the per-request canary (case-insensitive). Its state is the length of the longest
/// tail of the reply that is a prefix of the canary: exactly what must be held back, and the whole canary is a leak.
/// </summary>
internal sealed class CanaryMatcher
{
    private readonly string canary;
    private readonly int[] failure;
    private int state;

    public CanaryMatcher(string canary)
    {
        this.canary = canary.ToLowerInvariant();
        failure = new int[this.canary.Length];
        for (int i = 1, k = 0; i < this.canary.Length; i++)
        {
            while (k > 0 && this.canary[i] != this.canary[k]) k = failure[k - 1];
            if (this.canary[i] == this.canary[k]) k++;
            failure[i] = k;
        }
    }

    public bool Matched { get; private set; }

    /// <summary>Characters at the end of the reply that could still become the canary.</summary>
    public int PendingLength => state;

    public void Feed(char c)
    {
        if (Matched) return;
        c = char.ToLowerInvariant(c);
        while (state > 0 && canary[state] != c) state = failure[state - 1];
        if (canary[state] == c) state++;
        if (state == canary.Length) Matched = true;
    }
}
