using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Data;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Tenancy;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class TenancyTests(ChatFixture fixture)
{
    [Fact]
    public async Task Row_level_security_hides_every_row_without_tenant_context_even_on_a_superuser_connection()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        await client.SendAcceptedAsync(conversation.Id, "secret");

        // The service's own DbContext, outside any request: the interceptor sets no tenant, RLS returns nothing.
        await using (var scope = fixture.Chat.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            // One connection kept open across tenant switches: each command still runs with its own flow's tenant.
            await db.Database.OpenConnectionAsync();
            Assert.Equal(0, await db.Conversations.CountAsync());
            Assert.Equal(0, await db.Messages.CountAsync());
            using (TenantContext.Enter(Guid.NewGuid()))
            {
                Assert.Equal(0, await db.Messages.CountAsync(m => m.ConversationId == conversation.Id));
            }
            using (TenantContext.Enter(user.TenantId))
            {
                Assert.Equal(2, await db.Messages.CountAsync(m => m.ConversationId == conversation.Id));
            }
            Assert.Equal(0, await db.Messages.CountAsync(m => m.ConversationId == conversation.Id));
        }

        // Plain SQL as the postgres superuser once switched to chat_app, as every service connection is.
        await using var connection = new NpgsqlConnection(fixture.Infra.PostgresConnectionString("chatdb"));
        await connection.OpenAsync();
        await using var bypass = new NpgsqlCommand("SELECT count(*) FROM messages WHERE conversation_id = @c", connection);
        bypass.Parameters.AddWithValue("c", conversation.Id);
        Assert.Equal(2L, await bypass.ExecuteScalarAsync()); // the owner without the role: proves the rows exist
        await using var asApp = new NpgsqlCommand("SET ROLE chat_app; SELECT count(*) FROM messages WHERE conversation_id = @c", connection);
        asApp.Parameters.AddWithValue("c", conversation.Id);
        Assert.Equal(0L, await asApp.ExecuteScalarAsync());
        await using var insert = new NpgsqlCommand(
            "INSERT INTO conversations (id, tenant_id, user_id, title, created_at, updated_at) VALUES (gen_random_uuid(), @t, @t, 'x', now(), now())",
            connection);
        insert.Parameters.AddWithValue("t", Guid.NewGuid());
        var denied = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task Another_users_or_tenants_ids_are_404_on_every_route()
    {
        var owner = TestUser.NewTenant();
        var ownerClient = fixture.Chat.CreateClient(owner);
        var conversation = await ownerClient.CreateConversationAsync();
        var sent = await ownerClient.SendAcceptedAsync(conversation.Id, "mine");

        foreach (var stranger in new[] { owner.SameTenant(), TestUser.NewTenant() })
        {
            var client = fixture.Chat.CreateClient(stranger);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/conversations/{conversation.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/conversations/{conversation.Id}", new { title = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/conversations/{conversation.Id}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendMessageAsync(conversation.Id, "intrusion")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(sent.StreamUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/replies/{sent.ReplyId}/cancel", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/conversations/{conversation.Id}")).StatusCode);
            var list = await client.GetStringAsync("/api/conversations");
            Assert.DoesNotContain(conversation.Id.ToString(), list);
        }
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/api/conversations/{conversation.Id}")).StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_requests_are_401()
    {
        var response = await fixture.Chat.CreateClient().GetAsync("/api/conversations");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
