namespace Chatbot.Identity.Admin;

public sealed record ChangeTierRequest(string Tier);
