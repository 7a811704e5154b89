namespace Chatbot.Identity.Accounts;

public sealed record DeleteAccountRequest(string Password);
