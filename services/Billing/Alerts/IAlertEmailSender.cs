namespace Chatbot.Billing.Alerts;

/// <summary>Sends alert mails. Development and tests: .eml files in a pickup folder.</summary>
public interface IAlertEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}
