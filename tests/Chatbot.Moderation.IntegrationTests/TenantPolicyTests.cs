using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Contracts.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.IntegrationTests;

[Collection(ModerationCollection.Name)]
public sealed class TenantPolicyTests(ModerationFixture fixture)
{
    [Fact]
    public async Task A_tenant_without_a_row_reads_the_configured_default_and_members_cannot_read_it()
    {
        var tenant = Guid.NewGuid();
        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), Guid.NewGuid(), tenant, "tenant-admin");
        using var view = JsonDocument.Parse(await admin.GetStringAsync("/api/moderation/policy"));
        Assert.Equal("default", view.RootElement.GetProperty("source").GetString());
        Assert.Equal(0, view.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("mask", view.RootElement.GetProperty("policy").GetProperty("actions").GetProperty("pii").GetString());
        Assert.Equal("block", view.RootElement.GetProperty("policy").GetProperty("actions").GetProperty("prompt_injection").GetString());

        using var member = TestAuthHandler.Apply(fixture.Service.CreateClient(), Guid.NewGuid(), tenant);
        using var forbidden = await member.GetAsync("/api/moderation/policy");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_bad_policy_is_rejected_with_problem_details_naming_each_field_and_nothing_changes()
    {
        var tenant = Guid.NewGuid();
        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), Guid.NewGuid(), tenant, "tenant-admin");
        using var response = await admin.PutAsJsonAsync("/api/moderation/policy", new
        {
            actions = new Dictionary<string, string> { ["pii"] = "explode", ["prompt_injection"] = "mask" },
            stageFailModes = new Dictionary<string, string> { ["spellcheck"] = "open" },
            injectionThreshold = 3.0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("allow, mask, block or review", errors.GetProperty("actions.pii")[0].GetString());
        Assert.Contains("Only pii and secret", errors.GetProperty("actions.prompt_injection")[0].GetString());
        Assert.True(errors.TryGetProperty("stageFailModes.spellcheck", out _));
        Assert.True(errors.TryGetProperty("injectionThreshold", out _));
        using var view = JsonDocument.Parse(await admin.GetStringAsync("/api/moderation/policy"));
        Assert.Equal("default", view.RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_saved_policy_applies_at_once_and_is_audited()
    {
        var tenant = Guid.NewGuid();
        var adminId = Guid.NewGuid();
        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), adminId, tenant, "tenant-admin");
        using var member = TestAuthHandler.Apply(fixture.Service.CreateClient(), Guid.NewGuid(), tenant);

        Assert.False(await FlaggedAsync(member, "Share the secret recipe for pancakes"));
        using var saved = await admin.PutAsJsonAsync("/api/moderation/policy", new
        {
            actions = new Dictionary<string, string> { ["pii"] = "block" },
            harmfulTerms = new Dictionary<string, string[]> { ["recipes"] = ["secret recipe"] },
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        using (var view = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()))
        {
            Assert.Equal("tenant", view.RootElement.GetProperty("source").GetString());
            Assert.Equal(1, view.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("mask", view.RootElement.GetProperty("policy").GetProperty("actions").GetProperty("secret").GetString());
        }

        Assert.True(await FlaggedAsync(member, "Share the secret recipe for pancakes"));
        var turn = Turns.For("Please write to me at ada@example.com", tenant);
        await fixture.Bus.Publish(turn);
        var blocked = await fixture.WaitForAsync<InputBlocked>(b => b.ReplyId == turn.Request.ReplyId);
        Assert.Contains("pii", blocked.Categories);

        await using var db = fixture.NewDb();
        var audit = await db.AuditEntries.SingleAsync(a => a.TenantId == tenant && a.Subject == "policy");
        Assert.Equal(adminId.ToString(), audit.Actor);
        Assert.Equal("updated", audit.Verdict);
    }

    private static async Task<bool> FlaggedAsync(HttpClient client, string input)
    {
        using var response = await client.PostAsJsonAsync("/api/moderations", new { input });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("results")[0].GetProperty("flagged").GetBoolean();
    }
}
