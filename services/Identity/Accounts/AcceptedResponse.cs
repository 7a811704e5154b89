namespace Chatbot.Identity.Accounts;

/// <summary>The same answer whether or not the e-mail is known, so the endpoint cannot be used to list accounts.</summary>
public sealed record AcceptedResponse(string Status)
{
    public static readonly AcceptedResponse CheckYourMail = new("If the address can receive it, a message is on its way.");
}
