using Chatbot.Identity.Data;
using Chatbot.Identity.Erasure;
using Chatbot.Identity.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Chatbot.Identity.Accounts;

/// <summary>
/// Self-service deletion with the password: starts the user's erasure (<see cref="ErasureStarter"/>) and answers
/// <c>202</c> with the erasure id and its receipt URL.
/// </summary>
public sealed class AccountDeletion(UserManager<ApplicationUser> users, ErasureStarter erasures)
{
    public async Task<Results<Accepted<ErasureStarted>, ValidationProblem, UnauthorizedHttpResult>> DeleteAsync(
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
        var started = await erasures.StartAsync(ErasureStarter.UserSubject(user.TenantId, new ErasedUser(user.Id, user.Email)), "user", null, ct);
        return TypedResults.Accepted(started.ReceiptUrl, started);
    }
}
