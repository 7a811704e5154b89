using System.Text;
using Microsoft.Extensions.Options;

namespace Chatbot.ServiceDefaults.Email;

/// <summary>Development sender: one RFC 5322 .eml file per mail in the pickup folder (tests read them).</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = options.Value.PickupDirectory!; // set by AddEmailSender
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var text = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(message.Subject).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.Body.ReplaceLineEndings("\r\n")).Append("\r\n");
        var name = $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temp, text.ToString(), cancellationToken);
        File.Move(temp, Path.Combine(folder, name));
    }
}
