using Chatbot.Identity.Data;
using Chatbot.Identity.Tenants;
using Chatbot.Identity.Validation;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenIddict.Abstractions;

namespace Chatbot.Identity.Accounts;

/// <summary>
/// Sign-up (new tenant or invitation), e-mail verification and password reset. None of these knows a tenant when it
/// starts: the user is found through <see cref="UserTenants"/> and then read and written as their tenant (row-level
/// security); registration writes the new user as the tenant it joins or creates.
/// </summary>
public sealed class AccountService(UserManager<ApplicationUser> users, UserTenants userTenants, IdentityDbContext db, AccountMails mails,
    InvitationCodes invitations, IOpenIddictTokenManager tokens, TimeProvider time)
{
    public async Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> RegisterAsync(RegisterRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("password", request.Password, AccountLimits.PasswordMaxLength)
            .MaxLength("tenantName", request.TenantName, Tenant.NameMaxLength)
            .MaxLength("invitation", request.Invitation, AccountLimits.InvitationMaxLength);
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            errors.Add("email", "A valid e-mail address of at most 254 characters is required.");
        }
        if (request.Invitation is not null && request.TenantName is not null)
        {
            errors.Add("tenantName", "Give either a tenant name or an invitation, not both.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Invitation? invitation = null;
        if (request.Invitation is not null)
        {
            invitation = await invitations.FindUsableAsync(request.Invitation, email, ct);
            if (invitation is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["invitation"] = ["The invitation is invalid, used or expired."] });
            }
        }
        if (await userTenants.OfEmailAsync(email, ct) is not null) // in any tenant: an address signs up once on the platform
        {
            return await AlreadyRegisteredAsync(email, request.Password, ct);
        }
        var now = time.GetUtcNow();
        var tenantId = invitation?.TenantId ?? Guid.CreateVersion7();
        using var acting = TenantContext.Enter(tenantId);
        if (invitation is null)
        {
            db.Tenants.Add(new Tenant { Id = tenantId, Name = request.TenantName?.Trim() is { Length: > 0 } name ? name : email, Tier = ChatbotTiers.Free, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, TenantId = tenantId, CreatedAt = now,
            Role = invitation?.Role ?? ChatbotRoles.TenantAdmin,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return await AlreadyRegisteredAsync(email, request.Password, ct); // a concurrent sign-up with the address won
        }
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(ToFieldErrors(created, "password"));
        }
        if (invitation is not null)
        {
            invitation.UsedAt = now;
            invitation.UsedByUserId = user.Id;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        await mails.SendVerificationAsync(user, ct);
        return TypedResults.Accepted((string?)null, AcceptedResponse.CheckYourMail);
    }

    /// <summary>The same answer and about the same time as a new sign-up (one password hash), and a mail to the owner.</summary>
    private async Task<Accepted<AcceptedResponse>> AlreadyRegisteredAsync(string email, string password, CancellationToken ct)
    {
        users.PasswordHasher.HashPassword(new ApplicationUser { Role = ChatbotRoles.Member }, password);
        await mails.SendAlreadyRegisteredAsync(email, ct);
        return TypedResults.Accepted((string?)null, AcceptedResponse.CheckYourMail);
    }

    public async Task<Results<Ok<AcceptedResponse>, ValidationProblem>> ConfirmEmailAsync(string? userId, string? token, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var invalid = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The verification link is invalid or expired."] });
        if (!Guid.TryParse(userId, out var id) || string.IsNullOrEmpty(token) || token.Length > AccountLimits.TokenMaxLength)
        {
            return invalid;
        }
        var confirmed = await userTenants.WithUserByIdAsync(id,
            async user => user is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded, ct);
        return confirmed ? TypedResults.Ok(new AcceptedResponse("The e-mail address is confirmed.")) : invalid;
    }

    public async Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> ResendVerificationAsync(EmailRequest request, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return InvalidEmail();
        }
        await userTenants.ForUserByEmailAsync(email, user => user.EmailConfirmed ? Task.CompletedTask : mails.SendVerificationAsync(user, ct), ct);
        return TypedResults.Accepted((string?)null, AcceptedResponse.CheckYourMail);
    }

    public async Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> ForgotPasswordAsync(EmailRequest request, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return InvalidEmail();
        }
        await userTenants.ForUserByEmailAsync(email, user => mails.SendPasswordResetAsync(user, ct), ct);
        return TypedResults.Accepted((string?)null, AcceptedResponse.CheckYourMail);
    }

    public async Task<Results<Ok<AcceptedResponse>, ValidationProblem>> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("token", request.Token, AccountLimits.TokenMaxLength)
            .Required("newPassword", request.NewPassword, AccountLimits.PasswordMaxLength);
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            errors.Add("email", "A valid e-mail address of at most 254 characters is required.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await userTenants.WithUserByEmailAsync(email, user => ResetPasswordAsync(user, request, ct), ct);
    }

    private async Task<Results<Ok<AcceptedResponse>, ValidationProblem>> ResetPasswordAsync(ApplicationUser? user, ResetPasswordRequest request,
        CancellationToken ct)
    {
        if (user is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The reset token is invalid or expired."] });
        }
        var reset = await users.ResetPasswordAsync(user, request.Token, request.NewPassword);
        if (!reset.Succeeded)
        {
            return TypedResults.ValidationProblem(ToFieldErrors(reset, "newPassword"));
        }
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), ct);
        return TypedResults.Ok(new AcceptedResponse("The password is changed; sign in again."));
    }

    private static ValidationProblem InvalidEmail() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["A valid e-mail address of at most 254 characters is required."] });

    private static Dictionary<string, string[]> ToFieldErrors(IdentityResult result, string passwordField) =>
        result.Errors.GroupBy(e => e.Code switch
            {
                "InvalidToken" => "token",
                var c when c.StartsWith("Password", StringComparison.Ordinal) || c == "CommonPassword" => passwordField,
                var c when c.Contains("Email", StringComparison.Ordinal) || c.Contains("UserName", StringComparison.Ordinal) => "email",
                _ => "body",
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
