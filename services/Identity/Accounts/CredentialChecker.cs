using Chatbot.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace Chatbot.Identity.Accounts;

/// <summary>
/// Checks an e-mail and password with the same cost whatever the outcome: an unknown e-mail or a locked account still
/// verifies the password against a dummy hash, so timing does not tell which accounts exist. Counts failures for lockout.
/// The user is read and updated as their tenant (<see cref="UserTenants"/>: users are under row-level security).
/// </summary>
public sealed class CredentialChecker(UserManager<ApplicationUser> users, UserTenants tenants, IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser DummyUser = new() { Role = "member" };
    private static string? _dummyHash;

    public sealed record Result(ApplicationUser? User);

    public async Task<Result> CheckAsync(string email, string password, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return EmailAddress.TryNormalize(email, out var normalized)
            ? await tenants.WithUserByEmailAsync(normalized, user => CheckAsync(user, password), ct)
            : await CheckAsync(null, password);
    }

    private async Task<Result> CheckAsync(ApplicationUser? user, string password)
    {
        if (user is null || await users.IsLockedOutAsync(user))
        {
            SpendOneHash(password);
            return new Result(null);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return new Result(null);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new Result(user);
    }

    private void SpendOneHash(string password)
    {
        _dummyHash ??= hasher.HashPassword(DummyUser, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(DummyUser, _dummyHash, password);
    }
}
