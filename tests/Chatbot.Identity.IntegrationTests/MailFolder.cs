using System.Text.RegularExpressions;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>Reads the .eml files identity's development sender writes.</summary>
public sealed partial class MailFolder(string path)
{
    public async Task<string> WaitForMailAsync(string to, string subject, int index = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var mails = Directory.GetFiles(path, "*.eml").Order()
                .Select(File.ReadAllText)
                .Where(m => m.Contains($"To: {to}\r\n", StringComparison.Ordinal) && m.Contains($"Subject: {subject}", StringComparison.Ordinal))
                .ToList();
            if (mails.Count > index)
            {
                return mails[index];
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail '{subject}' #{index} for {to}.");
    }

    public static string Link(string mail) => LinkPattern().Match(mail).Value;

    public static string ResetToken(string mail) => ResetTokenPattern().Match(mail).Groups[1].Value.Trim();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"Reset token: (\S+)")]
    private static partial Regex ResetTokenPattern();
}
