using Chatbot.ServiceDefaults.Email;
using Microsoft.Extensions.Options;

namespace Chatbot.Identity.Erasure;

/// <summary>Mails each erased user the signed link to their receipt (sent after the erasure's transaction commits).</summary>
public sealed partial class ErasureMails(IEmailSender sender, ErasureLinks links, IOptions<IdentityServiceOptions> options, ILogger<ErasureMails> logger)
{
    private string BaseUrl => (options.Value.PublicBaseUrl ?? options.Value.Issuer ?? "").TrimEnd('/');

    public async Task SendReceiptLinksAsync(Guid erasureId, IReadOnlyList<ErasedUser> users, CancellationToken ct)
    {
        var link = $"{BaseUrl}/api/erasures/{erasureId}?token={Uri.EscapeDataString(links.TokenFor(erasureId))}";
        foreach (var user in users.Where(u => u.Email is not null))
        {
            try
            {
                await sender.SendAsync(new EmailMessage(user.Email!, "Your account has been erased",
                    $"Your account and its data are being erased. This link shows what each part of the service removed:\n\n{link}\n\n" +
                    $"The link works for {ErasureLinks.Lifetime.TotalDays:0} days."), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The erasure goes on without the mail; admins can still read the receipt.
                LogMailFailed(erasureId, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The receipt link of erasure {ErasureId} could not be mailed ({Error})")]
    private partial void LogMailFailed(Guid erasureId, string error);
}
