using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.Audit;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Audit;
using Chatbot.Contracts.Identity;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>The admin audit log (docs/audit.md) on real PostgreSQL and RabbitMQ: recorded, tenant-scoped, append-only.</summary>
[Collection(ChatCollection.Name)]
public sealed class AdminAuditTests(ChatFixture fixture)
{
    [Fact]
    public async Task An_admin_action_appears_with_before_and_after_for_its_tenant_only()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/tenant/retention", new { days = 30 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/tenant/retention", new { days = 60 })).StatusCode);

        var entries = await WaitForAsync(client, $"/api/audit?action=chat.retention.updated&actorId={admin.UserId}", 2);
        var latest = entries[0];
        Assert.Equal((admin.TenantId, admin.UserId, "chat"), (latest.TenantId, latest.ActorId, latest.Service));
        Assert.Equal(30, latest.Before!.Value.GetProperty("days").GetInt32());
        Assert.Equal(60, latest.After!.Value.GetProperty("days").GetInt32());
        Assert.Equal(JsonValueKind.Null, entries[1].Before!.Value.GetProperty("days").ValueKind);

        var paged = (await client.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?actorId={admin.UserId}&limit=1"))!;
        Assert.Equal(latest.Id, Assert.Single(paged.Items).Id);
        var second = (await client.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?actorId={admin.UserId}&limit=1&cursor={paged.NextCursor}"))!;
        Assert.Equal(entries[1].Id, Assert.Single(second.Items).Id);

        var stranger = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));
        var theirs = (await stranger.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?actorId={admin.UserId}"))!;
        Assert.Empty(theirs.Items);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/audit?tenantId={admin.TenantId}")).StatusCode);
        var member = fixture.Chat.CreateClient(admin.SameTenant() with { Role = "member" });
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/audit")).StatusCode);

        var platform = fixture.Chat.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var all = (await platform.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?tenantId={admin.TenantId}"))!;
        Assert.Equal(2, all.Items.Count);
    }

    [Fact]
    public async Task Prompt_versions_the_v1_policy_and_tools_are_audited_without_the_prompts_text_for_their_tenant_only()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/prompts", new { content = "You are a terse pirate." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/prompts", new { content = "You are a verbose pirate." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/prompts/rollback", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/prompts/2/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/openai/policy", new { allowSystemMessages = false })).StatusCode);
        var tool = new
        {
            name = "order_status", description = "Looks an order up.", endpoint = "https://tools.example/orders?key=k3y", risk = "read",
            parameters = JsonDocument.Parse("""{"type":"object","properties":{"id":{"type":"string"}}}""").RootElement,
        };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/tools", tool)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/tools/order_status")).StatusCode);

        var entries = await WaitForAsync(client, $"/api/audit?actorId={admin.UserId}&limit=100", 7);
        Assert.Equal(
            ["chat.openai-policy.updated", "chat.prompt.activated", "chat.prompt.created", "chat.prompt.created", "chat.prompt.rolled-back",
             "chat.tool.deleted", "chat.tool.registered"],
            entries.Select(e => e.Action).Order(StringComparer.Ordinal));
        var rolledBack = entries.Single(e => e.Action == "chat.prompt.rolled-back");
        Assert.Equal((2, 1), (rolledBack.Before!.Value.GetProperty("activeVersion").GetInt32(), rolledBack.After!.Value.GetProperty("activeVersion").GetInt32()));
        var text = JsonSerializer.Serialize(entries);
        Assert.DoesNotContain("pirate", text);
        Assert.DoesNotContain("k3y", text);

        var stranger = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));
        Assert.Empty((await stranger.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?actorId={admin.UserId}"))!.Items);
    }

    [Fact]
    public async Task An_experiments_start_weight_change_and_stop_are_audited_with_its_weights_for_its_tenant_only()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        await client.CreatePromptAsync("You are a marmalade expert.");
        await client.CreatePromptAsync("You are a terse marmalade expert.", activate: false);
        using var created = await client.PostAsJsonAsync("/api/prompts/experiments", new
        {
            name = "rollout",
            variants = new object[] { new { promptVersion = 1, weight = 99, name = "control" }, new { promptVersion = 2, weight = 1, name = "candidate" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var moved = await client.PatchAsJsonAsync($"/api/prompts/experiments/{id}", new { weights = new { control = 75, candidate = 25 } });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        using var stopped = await client.PatchAsJsonAsync($"/api/prompts/experiments/{id}", new { status = "stopped" });
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);

        List<AdminAuditEntryDto> entries = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var page = (await client.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?actorId={admin.UserId}&limit=100"))!;
            entries = [.. page.Items.Where(e => e.Action.StartsWith("chat.experiment.", StringComparison.Ordinal))];
            return entries.Count >= 3;
        }, TimeSpan.FromSeconds(60)), $"{entries.Count} of 3 experiment entries");
        Assert.All(entries, e => Assert.Equal(($"experiments/{id}", admin.TenantId), (e.Target, e.TenantId)));
        static int[] Weights(JsonElement? state) => [.. state!.Value.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("weight").GetInt32())];
        var start = entries.Single(e => e.Action == "chat.experiment.created");
        Assert.Null(start.Before);
        Assert.Equal([99, 1], Weights(start.After));
        var change = entries.Single(e => e.Action == "chat.experiment.updated");
        Assert.Equal([99, 1], Weights(change.Before));
        Assert.Equal([75, 25], Weights(change.After));
        var stop = entries.Single(e => e.Action == "chat.experiment.stopped");
        Assert.Equal(("running", "stopped"), (stop.Before!.Value.GetProperty("status").GetString(), stop.After!.Value.GetProperty("status").GetString()));
        Assert.DoesNotContain("marmalade", JsonSerializer.Serialize(entries)); // the prompts' text stays out

        var stranger = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));
        var theirs = (await stranger.GetFromJsonAsync<Page<AdminAuditEntryDto>>("/api/audit?action=chat.experiment.created&limit=100"))!;
        Assert.DoesNotContain(theirs.Items, e => e.Target == $"experiments/{id}");
    }

    [Fact]
    public async Task Bad_filters_are_400_problems()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));
        foreach (var query in new[] { "limit=0", "limit=101", "cursor=not-a-cursor", "actorId=nope", "from=yesterday" })
        {
            var response = await client.GetAsync($"/api/audit?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Updating_or_deleting_an_audit_row_fails_at_the_database_even_for_the_owner()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/tenant/retention", new { days = 7 })).StatusCode);
        var entry = (await WaitForAsync(client, $"/api/audit?actorId={admin.UserId}", 1))[0];

        await using var db = fixture.NewDbContext(); // the migrating superuser
        foreach (var sql in new[]
        {
            $"UPDATE admin_audit_entries SET action = 'forged' WHERE id = '{entry.Id}'",
            $"DELETE FROM admin_audit_entries WHERE id = '{entry.Id}'",
            "TRUNCATE admin_audit_entries",
        })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM admin_audit_entries WHERE id = {entry.Id} AND action = 'chat.retention.updated'").SingleAsync());
    }

    [Fact]
    public async Task An_erasure_replaces_the_users_id_by_its_pseudonym_and_nothing_else_may_change()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/tenant/retention", new { days = 9 })).StatusCode);
        var entry = (await WaitForAsync(client, $"/api/audit?actorId={admin.UserId}", 1))[0];
        var colleague = admin.SameTenant();
        await fixture.Chat.Services.GetRequiredService<IBus>().Publish(new AdminActionRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow,
            admin.TenantId, colleague.UserId, "identity", "identity.api-key.revoked", $"user {admin.UserId:N}", null,
            $$"""{"by":"{{admin.UserId}}"}"""));
        await WaitForAsync(client, $"/api/audit?actorId={colleague.UserId}", 1);

        await fixture.Chat.Services.GetRequiredService<IBus>()
            .Publish(new ErasureRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), admin.TenantId, [admin.UserId], WholeTenant: false));

        var pseudonym = ErasureProtocol.Pseudonym(admin.UserId);
        var platform = fixture.Chat.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var entries = await WaitForAsync(platform, $"/api/audit?tenantId={admin.TenantId}&actorId={pseudonym}", 1);
        Assert.Equal((entry.Id, entry.Action), (entries[0].Id, entries[0].Action));
        var all = (await platform.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?tenantId={admin.TenantId}"))!.Items;
        Assert.Equal(2, all.Count);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var text = JsonSerializer.Serialize((await platform.GetFromJsonAsync<Page<AdminAuditEntryDto>>($"/api/audit?tenantId={admin.TenantId}"))!.Items);
            return !text.Contains(admin.UserId.ToString("D")) && !text.Contains(admin.UserId.ToString("N"));
        }, TimeSpan.FromSeconds(30)), "the erased user's id is still in the audit log");

        await using var db = fixture.NewDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('chatbot.audit_erasure', 'on', true)");
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync(
            $"UPDATE admin_audit_entries SET action = 'forged' WHERE id = {entry.Id}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task A_whole_tenant_erasure_pseudonymises_every_actor_and_every_erased_id_an_entry_names()
    {
        var first = TestUser.NewTenant(role: "tenant-admin");
        TestUser[] users = [first, first.SameTenant(), first.SameTenant()];
        var bus = fixture.Chat.Services.GetRequiredService<IBus>();
        foreach (var user in users)
        {
            await bus.Publish(new AdminActionRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, first.TenantId, user.UserId, "identity",
                "identity.api-key.created", $"api-keys/by/{user.UserId}", null, null));
        }
        // One entry naming two other users, each in both of its text forms, in the target and in before/after.
        await bus.Publish(new AdminActionRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, first.TenantId, first.UserId, "identity",
            "identity.invitation.created", $"users/{users[1].UserId}/{users[2].UserId:N}",
            $$"""{"by":"{{users[2].UserId}}","of":"{{users[1].UserId:N}}"}""", $$"""{"both":"{{users[1].UserId}} {{users[2].UserId:N}}"}"""));
        var platform = fixture.Chat.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var url = $"/api/audit?tenantId={first.TenantId}&limit=100";
        await WaitForAsync(platform, url, 4);

        // Only the first user is named: a whole-tenant erasure finds the other actors in the log itself.
        await bus.Publish(new ErasureRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), first.TenantId, [first.UserId],
            WholeTenant: true));

        var pseudonyms = users.Select(u => ErasureProtocol.Pseudonym(u.UserId)).ToList();
        IReadOnlyList<AdminAuditEntryDto> entries = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            entries = (await platform.GetFromJsonAsync<Page<AdminAuditEntryDto>>(url))!.Items;
            return entries.All(e => pseudonyms.Contains(e.ActorId));
        }, TimeSpan.FromSeconds(30)), "an actor of the erased tenant kept their id");
        Assert.Equal(4, entries.Count);
        var text = JsonSerializer.Serialize(entries);
        Assert.All(users, u => Assert.DoesNotContain(u.UserId.ToString("D"), text));
        Assert.All(users, u => Assert.DoesNotContain(u.UserId.ToString("N"), text));
        var both = entries.Single(e => e.Action == "identity.invitation.created");
        Assert.Equal($"users/{pseudonyms[1]}/{pseudonyms[2]:N}", both.Target);
        Assert.Equal($"{pseudonyms[1]} {pseudonyms[2]:N}", both.After!.Value.GetProperty("both").GetString());
        Assert.Equal((pseudonyms[2].ToString("D"), pseudonyms[1].ToString("N")),
            (both.Before!.Value.GetProperty("by").GetString(), both.Before!.Value.GetProperty("of").GetString()));
    }

    [Fact]
    public async Task An_entry_of_an_actor_erased_before_it_arrived_is_stored_under_the_pseudonym()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        await using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.Infra.RedisConnectionString))
        {
            await redis.GetDatabase().StringSetAsync(ErasureProtocol.ErasedUserKey(admin.UserId), "1", TimeSpan.FromMinutes(5));
        }
        await fixture.Chat.Services.GetRequiredService<IBus>().Publish(new AdminActionRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow,
            admin.TenantId, admin.UserId, "identity", "identity.api-key.created", "api-keys/late", null, null));

        var platform = fixture.Chat.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var entry = (await WaitForAsync(platform, $"/api/audit?tenantId={admin.TenantId}", 1))[0];
        Assert.Equal(ErasureProtocol.Pseudonym(admin.UserId), entry.ActorId);
    }

    private static async Task<IReadOnlyList<AdminAuditEntryDto>> WaitForAsync(HttpClient client, string url, int count)
    {
        IReadOnlyList<AdminAuditEntryDto> items = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            items = (await client.GetFromJsonAsync<Page<AdminAuditEntryDto>>(url))!.Items;
            return items.Count >= count;
        }, TimeSpan.FromSeconds(60)), $"{url}: {items.Count} of {count} entries");
        return items;
    }
}
