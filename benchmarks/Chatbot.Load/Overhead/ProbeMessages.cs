using System.Text;

namespace Chatbot.Load.Overhead;

/// <summary>
/// What the probe sends: "time to first token" by default; with <c>--message-chars=N</c>, N characters of prose-like
/// text, different on every turn (seeded, so every run sends the same texts), so the probe's conversation carries a
/// long history, as a real one does, and each send's context window has that history to cost.
/// </summary>
public static class ProbeMessages
{
    private static readonly string[] Words =
    [
        "the", "customer", "asked", "about", "an", "invoice", "from", "last", "quarter", "and", "whether", "its", "totals",
        "include", "tax", "shipping", "discounts", "refunds", "we", "checked", "ledger", "entries", "for", "account",
        "number", "reference", "payment", "was", "received", "on", "monday", "but", "not", "applied", "until", "friday",
        "because", "bank", "transfer", "arrived", "late", "please", "explain", "how", "interest", "is", "calculated",
        "when", "balance", "overdue", "contract", "says", "thirty", "days", "notice", "required", "before", "any",
        "change", "pricing", "plan", "upgrade", "downgrade", "support", "ticket", "escalated", "engineering", "team",
        "reported", "latency", "spike", "during", "deployment", "rollback", "restored", "service", "within", "minutes",
    ];

    public static Func<int, string> For(int? chars) =>
        chars is { } length ? turn => Text(length, seed: turn) : _ => "time to first token";

    public static string Text(int length, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(Words[random.Next(Words.Length)]);
            text.Append(random.Next(12) == 0 ? ". " : random.Next(9) == 0 ? $" {random.Next(1, 10_000)} " : " ");
        }
        return text.ToString(0, length);
    }
}
