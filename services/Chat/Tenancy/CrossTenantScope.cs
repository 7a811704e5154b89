using Chatbot.Chat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chatbot.Chat.Tenancy;

/// <summary>
/// The one way a background job reads (or purges) across tenants: a transaction that sets <c>app.purge</c> to the job's
/// scope, which only the RLS policies written for that scope honour (idempotency_keys, account_exports, retention).
/// The setting ends with the transaction.
/// </summary>
public static class CrossTenantScope
{
    public const string Setting = "app.purge";

    public static async Task<IDbContextTransaction> BeginCrossTenantScopeAsync(this ChatDbContext db, string scope, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT set_config({Setting}, {scope}, true)", ct);
        return transaction;
    }
}
