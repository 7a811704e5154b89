using Chatbot.Identity.Data;
using Chatbot.Identity.Tenants;
using Chatbot.Identity.Validation;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Chatbot.Identity.Accounts;

/// <summary>Sign-up (new tenant or invitation), e-mail verification and password reset.</summary>
public sealed class AccountService(UserManager<ApplicationUser> users, IdentityDbContext db, AccountMails mails,
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
        if (await users.FindByEmailAsync(email) is not null)
        {
            users.PasswordHasher.HashPassword(new ApplicationUser { Role = ChatbotRoles.Member }, request.Password);
            await mails.SendAlreadyRegisteredAsync(email, ct);
            return TypedResults.Accepted((string?)null, AcceptedResponse.CheckYourMail);
        }
        var now = time.GetUtcNow();
        var tenantId = invitation?.TenantId ?? Guid.CreateVersion7();
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
        var created = await users.CreateAsync(user, request.Password);
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

    public async Task<Results<Ok<AcceptedResponse>, ValidationProblem>> ConfirmEmailAsync(string? userId, string? token, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var invalid = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The verification link is invalid or expired."] });
        if (!Guid.TryParse(userId, out _) || string.IsNullOrEmpty(token) || token.Length > AccountLimits.TokenMaxLength)
        {
            return invalid;
        }
        var user = await users.FindByIdAsync(userId!);
        if (user is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return invalid;
        }
        return TypedResults.Ok(new AcceptedResponse("The e-mail address is confirmed."));
    }

    public async Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> ResendVerificationAsync(EmailRequest request, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return InvalidEmail();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is { EmailConfirmed: false })
        {
            await mails.SendVerificationAsync(user, ct);
        }
        return TypedResults.Accepted((string?)null, AcceptedResponse.CheckYourMail);
    }

    public async Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> ForgotPasswordAsync(EmailRequest request, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return InvalidEmail();
        }
        if (await users.FindByEmailAsync(email) is { } user)
        {
            await mails.SendPasswordResetAsync(user, ct);
        }
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
        var user = await users.FindByEmailAsync(email);
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
