namespace Chatbot.SecurityDrills.Secrets;

/// <summary>
/// Files allowed to hold secret-shaped strings of one kind, each with the reason. Entries must stay needed
/// (<c>Every_allow_list_entry_is_still_needed</c>); a real secret is never allow-listed, it is removed and rotated.
/// </summary>
public static class SecretAllowList
{
    public sealed record Entry(string PathPrefix, string Kind, string Why)
    {
        public bool Covers(string file, string kind) =>
            kind == Kind && (file.StartsWith(PathPrefix, StringComparison.Ordinal) || file.Contains("/" + PathPrefix, StringComparison.Ordinal));

        public override string ToString() => $"{PathPrefix} ({Kind}): {Why}";
    }

    public static readonly IReadOnlyList<Entry> Entries =
    [
    ];
}
