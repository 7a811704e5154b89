using Chatbot.Outbox;
using Chatbot.Contracts.Identity;
using Chatbot.Identity.Data;
using Chatbot.Identity.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Chatbot.Identity.Accounts;

/// <summary>
/// Self-service deletion with the password: in one transaction the user row goes, their refresh tokens are revoked,
/// the API keys they created are revoked, and <c>UserDeleted</c> (+ <c>ApiKeyRevoked</c>) land in the outbox.
/// </summary>
public sealed class AccountDeletion(UserManager<ApplicationUser> users, IdentityDbContext db, IOpenIddictTokenManager tokens,
    OutboxSignal outbox, TimeProvider time)
{
    public async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> DeleteAsync(
        Guid userId, DeleteAccountRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("password", request.Password, AccountLimits.PasswordMaxLength);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        if (await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["The password is incorrect."] });
        }
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var keys = await db.ApiKeys.Where(k => k.CreatedByUserId == user.Id && k.RevokedAt == null).ToListAsync(ct);
        foreach (var key in keys)
        {
            key.RevokedAt = now;
            db.OutboxMessages.Add(OutboxEntry.Create(new ApiKeyRevoked(Guid.NewGuid(), now, key.TenantId, key.Id), key.TenantId, key.TenantId, now));
        }
        db.OutboxMessages.Add(OutboxEntry.Create(new UserDeleted(Guid.NewGuid(), now, user.TenantId, user.Id), user.TenantId, user.TenantId, now));
        await db.SaveChangesAsync(ct);
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), ct);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("The user could not be deleted: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
        }
        await tx.CommitAsync(ct);
        outbox.Notify();
        return TypedResults.NoContent();
    }
}
