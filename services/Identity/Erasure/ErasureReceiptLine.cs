namespace Chatbot.Identity.Erasure;

/// <summary>One store's line of a receipt: what it did (<c>deleted</c> or <c>pseudonymised</c>), to how many rows or keys, when.</summary>
public sealed record ErasureReceiptLine(string Service, string Store, string Action, long Count, DateTimeOffset At);
