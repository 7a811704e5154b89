namespace Chatbot.Identity.Accounts;

public static class AccountLimits
{
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 128;
    public const int TokenMaxLength = 2048;
    public const int InvitationMaxLength = 100;
}
