namespace Chatbot.Chat.Account;

public enum AccountExportLinkState
{
    Invalid,
    Expired,
    Valid,
}
