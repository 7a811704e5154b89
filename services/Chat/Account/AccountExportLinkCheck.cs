namespace Chatbot.Chat.Account;

/// <summary>What <see cref="AccountExportLinks.Verify"/> found; the ids only when <see cref="State"/> is valid.</summary>
public sealed record AccountExportLinkCheck(AccountExportLinkState State, Guid ExportId = default, Guid TenantId = default)
{
    public static readonly AccountExportLinkCheck Invalid = new(AccountExportLinkState.Invalid);
    public static readonly AccountExportLinkCheck Expired = new(AccountExportLinkState.Expired);
}
