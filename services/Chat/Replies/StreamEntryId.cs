using System.Globalization;

namespace Chatbot.Chat.Replies;

/// <summary>A Redis Stream entry id (<c>milliseconds-sequence</c>), comparable; the SSE event id.</summary>
public readonly record struct StreamEntryId(ulong Milliseconds, ulong Sequence) : IComparable<StreamEntryId>
{
    public static readonly StreamEntryId Zero = new(0, 0);

    public static bool TryParse(string? value, out StreamEntryId id)
    {
        id = Zero;
        var dash = value?.IndexOf('-') ?? -1;
        if (value is null || dash <= 0
            || !ulong.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !ulong.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }
        id = new StreamEntryId(ms, seq);
        return true;
    }

    public int CompareTo(StreamEntryId other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator >(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) > 0;
    public static bool operator <(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) < 0;

    public override string ToString() => $"{Milliseconds}-{Sequence}";
}
