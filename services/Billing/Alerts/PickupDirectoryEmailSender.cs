using Microsoft.Extensions.Options;

namespace Chatbot.Billing.Alerts;

/// <summary>Writes each mail as an .eml file in <see cref="BillingOptions.MailPickupDirectory"/>.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<BillingOptions> options, TimeProvider clock) : IAlertEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var folder = options.Value.MailPickupDirectory;
        Directory.CreateDirectory(folder);
        var text = $"To: {to}\r\nFrom: billing@chatbot.local\r\nDate: {clock.GetUtcNow():R}\r\nSubject: {subject}\r\n" +
            $"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";
        await File.WriteAllTextAsync(Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"), text, ct);
    }
}
