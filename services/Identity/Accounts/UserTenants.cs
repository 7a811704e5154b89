using Chatbot.Identity.Data;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Accounts;

/// <summary>
/// Finds a user before any tenant is known (sign-in, registration's platform-wide e-mail check, the mailed confirm and
/// reset links, the refresh grant, the bootstrap admin). identitydb's users are under row-level security, so such a step
/// first asks one of two <c>SECURITY DEFINER</c> lookups (migration UserRowLevelSecurity) for the user's tenant id, and
/// nothing else, then acts as that tenant: every read and write of the user itself goes through the tenant policy.
/// </summary>
public sealed class UserTenants(UserManager<ApplicationUser> users, IdentityDbContext db)
{
    /// <summary>The tenant of the user with <paramref name="email"/> (any case), or null when there is none.</summary>
    public Task<Guid?> OfEmailAsync(string email, CancellationToken ct) =>
        LookUpAsync(IdentityTenancy.UserTenantByEmail, users.NormalizeEmail(email), ct);

    /// <summary>The tenant of the user <paramref name="userId"/>, or null when there is none.</summary>
    public Task<Guid?> OfUserAsync(Guid userId, CancellationToken ct) => LookUpAsync(IdentityTenancy.UserTenantById, userId, ct);

    /// <summary>Runs <paramref name="then"/> as the tenant of the user with <paramref name="email"/>, with that user (null when there is none).</summary>
    public async Task<T> WithUserByEmailAsync<T>(string email, Func<ApplicationUser?, Task<T>> then, CancellationToken ct) =>
        await AsTenantAsync(await OfEmailAsync(email, ct), () => users.FindByEmailAsync(email), then);

    /// <summary>Runs <paramref name="action"/> as the tenant of the user with <paramref name="email"/>, only when there is one.</summary>
    public Task ForUserByEmailAsync(string email, Func<ApplicationUser, Task> action, CancellationToken ct) =>
        WithUserByEmailAsync(email, async user =>
        {
            if (user is not null)
            {
                await action(user);
            }
            return user;
        }, ct);

    /// <summary>Runs <paramref name="then"/> as the tenant of the user <paramref name="userId"/>, with that user (null when there is none).</summary>
    public async Task<T> WithUserByIdAsync<T>(Guid userId, Func<ApplicationUser?, Task<T>> then, CancellationToken ct) =>
        await AsTenantAsync(await OfUserAsync(userId, ct), () => users.FindByIdAsync(userId.ToString()), then);

    /// <summary>The function's name is a constant; the value goes as a parameter.</summary>
    private Task<Guid?> LookUpAsync(string function, object value, CancellationToken ct) =>
        db.Database.SqlQueryRaw<Guid?>(string.Concat("SELECT ", function, "({0}) AS \"Value\""), value).SingleAsync(ct);

    private static async Task<T> AsTenantAsync<T>(Guid? tenantId, Func<Task<ApplicationUser?>> find, Func<ApplicationUser?, Task<T>> then)
    {
        if (tenantId is not { } tenant)
        {
            return await then(null);
        }
        using (TenantContext.Enter(tenant))
        {
            return await then(await find());
        }
    }
}
