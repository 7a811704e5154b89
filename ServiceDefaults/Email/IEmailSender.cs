namespace Chatbot.ServiceDefaults.Email;

/// <summary>Sends a service's mails (identity's account mails, billing's alerts). Development: .eml files; elsewhere: SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
