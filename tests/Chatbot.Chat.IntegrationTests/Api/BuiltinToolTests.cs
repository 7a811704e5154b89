using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.Conversations.Search;
using Chatbot.Chat.Data;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Chat;
using Chatbot.Contracts.Tools;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// The built-in <c>conversation_search</c> tool on chat's side: allowed like any tool (<c>POST /api/tools</c> with
/// <c>"builtin"</c>), carried by the tenant's turns, and answered over the real RabbitMQ (<see cref="SearchConversations"/>)
/// from real PostgreSQL with the user's own conversations only.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class BuiltinToolTests(ChatFixture fixture)
{
    [Fact]
    public async Task An_admin_allows_the_conversation_search_without_endpoint_or_secret_and_a_turn_carries_it()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");

        var response = await fixture.Chat.CreateClient(admin).PostAsJsonAsync("/api/tools", new { builtin = "conversation_search" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal("conversation_search", created.GetProperty("name").GetString());
        Assert.Equal("conversation_search", created.GetProperty("builtin").GetString());
        Assert.Equal(ToolRisk.Read, created.GetProperty("risk").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("secret").ValueKind); // nothing is signed: the platform runs it
        Assert.Equal("query", created.GetProperty("parameters").GetProperty("required")[0].GetString());
        var user = fixture.Chat.CreateClient(admin.SameTenant());
        var conversation = await user.CreateConversationAsync();
        var sent = await user.SendAcceptedAsync(conversation.Id, "What did we say about quokkas?");
        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        var tool = Assert.Single(command.Tools!);
        Assert.Equal(("conversation_search", ToolRisk.Read, "builtin:conversation_search"), (tool.Name, tool.Risk, tool.Endpoint));
        Assert.Equal(BuiltinTools.ConversationSearch, BuiltinTools.Of(tool.Endpoint));
    }

    [Theory]
    [InlineData("builtin", """{"builtin":"web_search"}""")]
    [InlineData("endpoint", """{"builtin":"conversation_search","endpoint":"https://t.example/x"}""")]
    [InlineData("parameters", """{"builtin":"conversation_search","parameters":{"type":"object"}}""")]
    [InlineData("risk", """{"builtin":"conversation_search","risk":"write"}""")]
    [InlineData("name", """{"builtin":"conversation_search","name":"search my chats"}""")]
    public async Task Bad_builtin_registrations_get_problem_details_naming_the_field(string field, string body)
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));

        var response = await client.PostAsync("/api/tools", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_search_over_the_bus_answers_with_the_users_own_conversations_only()
    {
        var owner = TestUser.NewTenant();
        var neighbour = owner.SameTenant();
        var stranger = TestUser.NewTenant();
        var mine = await fixture.Chat.CreateClient(owner).CreateConversationAsync("Travel ideas");
        await fixture.Chat.CreateClient(owner).SendAcceptedAsync(mine.Id, "We could see a quokka on Rottnest Island in spring");
        foreach (var other in new[] { neighbour, stranger })
        {
            var client = fixture.Chat.CreateClient(other);
            var theirs = await client.CreateConversationAsync("Quokka secrets of " + other.UserId);
            await client.SendAcceptedAsync(theirs.Id, "quokka quokka quokka");
        }

        var found = await SearchAsync(owner, "quokka");

        var hit = Assert.Single(found.Conversations);
        Assert.Equal("Travel ideas", hit.Title);
        Assert.Contains("quokka on Rottnest Island", hit.Excerpt);
        Assert.Empty((await SearchAsync(owner with { TenantId = stranger.TenantId }, "quokka")).Conversations); // the owner's id under another tenant
        Assert.Empty((await SearchAsync(owner, "   ")).Conversations);
    }

    [Fact]
    public async Task Row_level_security_hides_another_tenants_conversations_from_the_search_even_when_the_query_names_that_tenant()
    {
        var owner = TestUser.NewTenant();
        var stranger = TestUser.NewTenant();
        var theirs = await fixture.Chat.CreateClient(stranger).CreateConversationAsync("Wombat burrows");
        await fixture.Chat.CreateClient(stranger).SendAcceptedAsync(theirs.Id, "wombat wombat");

        // The search's statement with the stranger's ids, on a connection acting for the owner's tenant (as the consumer of a
        // message naming the owner's tenant would be): code that forgot the filter still sees nothing.
        Assert.Empty(await QueryAsActingForAsync(owner.TenantId, stranger, "wombat"));
        Assert.Single(await QueryAsActingForAsync(stranger.TenantId, stranger, "wombat")); // the rows exist
    }

    private async Task<ConversationsFound> SearchAsync(TestUser user, string query)
    {
        var client = fixture.Chat.Services.GetRequiredService<IClientFactory>().CreateRequestClient<SearchConversations>(RequestTimeout.After(s: 30));
        var response = await client.GetResponse<ConversationsFound>(
            new SearchConversations(Guid.NewGuid(), DateTimeOffset.UtcNow, user.TenantId, user.UserId, query, 5));
        return response.Message;
    }

    private async Task<List<SearchHit>> QueryAsActingForAsync(Guid actingFor, TestUser searched, string query)
    {
        await using var scope = fixture.Chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        using (TenantContext.Enter(actingFor))
        {
            return await ConversationSearch.QueryAsync(db, query, searched.UserId, searched.TenantId, SearchCursor.Start, 10, default);
        }
    }
}
