namespace Chatbot.Identity.Email;

/// <summary>Sends account mails (verification, password reset). Development: .eml files; production: SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
