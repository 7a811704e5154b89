namespace Chatbot.Identity.Erasure;

/// <summary>A user about to be erased: the id the other services look for, and the address the receipt link goes to.</summary>
public sealed record ErasedUser(Guid Id, string? Email);
