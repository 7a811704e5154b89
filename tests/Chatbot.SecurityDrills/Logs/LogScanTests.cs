using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chatbot.SecurityDrills.Harness;

namespace Chatbot.SecurityDrills.Logs;

/// <summary>
/// A journey carrying PII (e-mail, phone, card, IBAN) and a distinctive prompt sentence through every service (sign-up,
/// web log-in, password reset mail, conversation, a turn the simulator echoes back, a report to moderation, usage in
/// billing); then no log line of any service holds any of them, nor a password, token, key or code the drills used.
/// </summary>
[Collection(SecuritySystemCollection.Name)]
public sealed partial class LogScanTests(SecuritySystemFixture system)
{
    [Fact]
    public async Task No_log_line_of_any_service_holds_the_journeys_PII_prompt_or_secrets()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var email = $"pii.{marker}@example.test";
        string[] pii = [email, "+44 20 7946 0958", "4111 1111 1111 1111", "4111111111111111", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"];
        var sentence = $"The violet heron {marker} recites tax law at dawn";

        await RunJourneyAsync(email, sentence, pii);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the last lines reach the log store

        var needles = pii.Concat([sentence, marker]).Concat(system.Secrets).Where(n => n.Length >= 6).Distinct().ToList();
        var violations = new List<string>();
        foreach (var service in SecuritySystemFixture.Services)
        {
            var lines = system.App.GetLogLines(service);
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                var found = needles.Where(n => line.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(Describe).ToList();
                if (JwtPattern().IsMatch(line))
                {
                    found.Add("a JWT");
                }
                if (found.Count > 0)
                {
                    violations.Add($"[{service}] {string.Join(", ", found)}: {line[..Math.Min(line.Length, 400)]}");
                }
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} log lines leak:\n" + string.Join('\n', violations.Take(30)));
    }

    private async Task RunJourneyAsync(string email, string sentence, string[] pii)
    {
        var user = await system.Accounts().SignUpAsync($"tenant {sentence}", email: email);
        using var anonymous = system.Anonymous();
        using (var web = await anonymous.PostAsJsonAsync("/web/session", new { email, password = user.Password }))
        {
            Assert.True(web.IsSuccessStatusCode, await web.Content.ReadAsStringAsync());
        }
        using (var reset = await anonymous.PostAsJsonAsync("/api/account/forgot-password", new { email }))
        {
            Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync());
        }

        using var client = user.Client(system.Origin);
        var conversation = await TenantAWorldBuilder.PostAsync(client, "/api/conversations", new { title = sentence });
        var conversationId = conversation.GetProperty("id").GetGuid();
        var content = $"[[sim:echo]] {sentence}. Mail {pii[0]}, call {pii[1]}, card {pii[2]}, IBAN {pii[4]}.";
        var sent = await TenantAWorldBuilder.PostAsync(client, $"/api/conversations/{conversationId}/messages", new { content });
        var replyId = sent.GetProperty("replyId").GetGuid();
        await TenantAWorldBuilder.WaitForReplyAsync(client, conversationId, replyId);
        using (var moderated = await client.PostAsJsonAsync("/api/moderations", new { input = content }))
        {
            Assert.True(moderated.IsSuccessStatusCode, await moderated.Content.ReadAsStringAsync());
        }
        using (var report = await client.PostAsJsonAsync($"/api/replies/{replyId}/report", new { reason = $"{sentence} {pii[0]}" }))
        {
            Assert.True((int)report.StatusCode is 202 or 404, await report.Content.ReadAsStringAsync());
        }
        using var usage = await client.GetAsync("/api/usage");
        Assert.True(usage.IsSuccessStatusCode);
    }

    /// <summary>Names a needle without printing a secret in the test output.</summary>
    private string Describe(string needle) =>
        system.Secrets.Contains(needle) ? $"a secret ({needle[..4]}…)" : $"'{needle}'";

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")]
    private static partial Regex JwtPattern();
}
