namespace Chatbot.Chat.Account;

/// <summary>What the queue carries: the job and whose data it gathers (the tenant for row-level security).</summary>
public sealed record AccountExportJob(Guid Id, Guid TenantId, Guid UserId);
