using System.Text;

namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// Counts per key (a source, a group × length bin, an attack style): lines, flagged (grey zone or block) and blocked,
/// printed as a markdown table. For attacks the flagged share is the recall; for benign lines it is the false-positive rate.
/// </summary>
public sealed class RateTable(string title)
{
    private readonly SortedDictionary<string, (int Lines, int Flagged, int Blocked)> rows = new(StringComparer.Ordinal);

    public void Add(string key, bool flagged, bool blocked)
    {
        var (lines, f, b) = rows.GetValueOrDefault(key);
        rows[key] = (lines + 1, f + (flagged ? 1 : 0), b + (blocked ? 1 : 0));
    }

    public double FlaggedRate(string key) => rows.TryGetValue(key, out var r) && r.Lines > 0 ? (double)r.Flagged / r.Lines : double.NaN;

    public int Lines(string key) => rows.GetValueOrDefault(key).Lines;

    public IEnumerable<string> Keys => rows.Keys;

    public override string ToString()
    {
        var text = new StringBuilder($"\n{title}\n| key | lines | flagged (review or block) | blocked |\n|---|---|---|---|\n");
        foreach (var (key, (lines, flagged, blocked)) in rows)
        {
            text.Append($"| {key} | {lines} | {flagged} ({(double)flagged / lines:P1}) | {blocked} ({(double)blocked / lines:P1}) |\n");
        }
        return text.ToString();
    }
}
