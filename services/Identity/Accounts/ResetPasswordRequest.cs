namespace Chatbot.Identity.Accounts;

public sealed record ResetPasswordRequest(string Email, string Token, string NewPassword);
