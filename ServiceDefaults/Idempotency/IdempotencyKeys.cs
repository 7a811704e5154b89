namespace Chatbot.ServiceDefaults.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header and its syntax, the same on every route that honours it.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 200;

    /// <summary>1 to <see cref="MaxLength"/> visible ASCII characters.</summary>
    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is >= '!' and <= '~');

    public static string InvalidMessage => $"{Header} must be 1 to {MaxLength} visible ASCII characters.";
}
