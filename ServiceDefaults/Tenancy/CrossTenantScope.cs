using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>
/// The one way a background job or a platform admin's route reads (or purges) across tenants: a transaction that sets
/// <c>app.purge</c> to a named scope, which only the RLS policies written for that scope honour (every scope of every
/// service is listed in docs/security.md). The setting ends with the transaction.
/// </summary>
public static class CrossTenantScope
{
    public const string Setting = "app.purge";

    public static async Task<IDbContextTransaction> BeginCrossTenantScopeAsync(this DbContext db, string scope, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.EnterCrossTenantScopeAsync(scope, ct);
        return transaction;
    }

    /// <summary>The same scope inside the transaction the caller already opened (it ends with that transaction).</summary>
    public static async Task EnterCrossTenantScopeAsync(this DbContext db, string scope, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A cross-tenant scope lives in a transaction; open one first.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT set_config({Setting}, {scope}, true)", ct);
    }
}
