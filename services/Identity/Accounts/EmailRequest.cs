namespace Chatbot.Identity.Accounts;

/// <summary>Body of resend-verification and forgot-password.</summary>
public sealed record EmailRequest(string Email);
