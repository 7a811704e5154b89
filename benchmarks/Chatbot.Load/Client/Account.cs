namespace Chatbot.Load.Client;

/// <summary>A signed-up user and its bearer token (shared by the virtual users mapped to it).</summary>
public sealed record Account(string Email, string AccessToken);
