using Chatbot.Identity.Data;
using Chatbot.ServiceDefaults.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chatbot.Identity.Accounts;

/// <summary>Composes and sends the verification, reset and already-registered mails with one-time links.</summary>
public sealed class AccountMails(UserManager<ApplicationUser> users, IEmailSender sender, IOptions<IdentityServiceOptions> options)
{
    private string BaseUrl => (options.Value.PublicBaseUrl ?? options.Value.Issuer ?? "").TrimEnd('/');

    public async Task SendVerificationAsync(ApplicationUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = $"{BaseUrl}/api/account/confirm-email?userId={user.Id}&token={Uri.EscapeDataString(token)}";
        await sender.SendAsync(new EmailMessage(user.Email!, "Confirm your e-mail address",
            $"Open this link to confirm your address:\n\n{link}\n\nIf you did not sign up, ignore this mail."), ct);
    }

    public async Task SendPasswordResetAsync(ApplicationUser user, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{BaseUrl}/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
        await sender.SendAsync(new EmailMessage(user.Email!, "Reset your password",
            $"Open this link to choose a new password:\n\n{link}\n\nReset token: {token}\n\nIf you did not ask for this, ignore this mail."), ct);
    }

    public Task SendAlreadyRegisteredAsync(string email, CancellationToken ct) =>
        sender.SendAsync(new EmailMessage(email, "You already have an account",
            "Someone tried to sign up with this address, which already has an account. If it was you, sign in or reset your password."), ct);
}
