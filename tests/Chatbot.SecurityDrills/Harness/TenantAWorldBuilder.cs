using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.SecurityDrills.Harness;

/// <summary>Creates tenant A (admin + invited member) and one of each resource through the public API.</summary>
public sealed class TenantAWorldBuilder(Uri origin, Accounts accounts, Action<string> remember)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task<TenantAWorld> BuildAsync()
    {
        var admin = await accounts.SignUpAsync("tenant-a");
        using var client = admin.Client(origin);
        var invitation = await PostAsync(client, "/api/tenant/invitations", new { role = "member" });
        remember(invitation.GetProperty("code").GetString()!);
        var member = await accounts.SignUpAsync("ignored", invitation.GetProperty("code").GetString());
        Assert.Equal(admin.TenantId, member.TenantId);

        var title = $"Tenant A merger plans {Guid.NewGuid():N}";
        var conversationId = (await PostAsync(client, "/api/conversations", new { title })).GetProperty("id").GetGuid();
        var sent = await PostAsync(client, $"/api/conversations/{conversationId}/messages", new { content = "Hello from tenant A." });
        var replyId = sent.GetProperty("replyId").GetGuid();
        await WaitForReplyAsync(client, conversationId, replyId);

        // Versions are numbered per tenant: a second one, so tenant B (one version at most in the drills) has no such number.
        await PostAsync(client, "/api/prompts", new { content = "Tenant A first prompt", activate = false });
        var promptContent = $"Tenant A system prompt {Guid.NewGuid():N}";
        var prompt = await PostAsync(client, "/api/prompts", new { content = promptContent, activate = false });
        var keyName = $"tenant-a-key-{Guid.NewGuid():N}";
        var key = await PostAsync(client, "/api/tenant/api-keys", new { name = keyName });
        remember(key.GetProperty("key").GetString()!);

        using var reported = await client.PostAsJsonAsync($"/api/replies/{replyId}/report", new { reason = "drill report" });
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        var reviewId = await WaitForReviewAsync(client, replyId);
        using var export = await client.PostAsync("/api/account/export", null);
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        var exportId = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        return new TenantAWorld(admin, member, conversationId, title, replyId, prompt.GetProperty("version").GetInt32(),
            promptContent, key.GetProperty("id").GetGuid(), keyName, key.GetProperty("key").GetString()!,
            invitation.GetProperty("id").GetGuid(), reviewId, exportId);
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls the conversation until the reply is final (completed, failed, blocked or cancelled).</summary>
    public static async Task<JsonElement> WaitForReplyAsync(HttpClient client, Guid conversationId, Guid replyId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync($"/api/conversations/{conversationId}/messages")).RootElement;
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("id").GetGuid() == replyId && item.GetProperty("status").GetString() is not ("pending" or "streaming" or "queued"))
                {
                    return item.Clone();
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"reply {replyId} was not final within {Patience}");
            await Task.Delay(200);
        }
    }

    private static async Task<Guid> WaitForReviewAsync(HttpClient client, Guid replyId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync("/api/moderation/reviews?status=pending")).RootElement;
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.TryGetProperty("replyId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == replyId)
                {
                    return item.GetProperty("id").GetGuid();
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"the report of reply {replyId} did not reach the review queue within {Patience}");
            await Task.Delay(250);
        }
    }
}
