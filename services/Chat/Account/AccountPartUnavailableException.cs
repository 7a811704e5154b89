using System.Net;

namespace Chatbot.Chat.Account;

/// <summary>Another service did not give its part of an export (its status only: the body may hold personal data).</summary>
public sealed class AccountPartUnavailableException(string client, HttpStatusCode status)
    : Exception($"{client} answered {(int)status}.")
{
    public string Client { get; } = client;
}
