using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Prompts;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class PromptVersionTests(ChatFixture fixture)
{
    [Fact]
    public async Task Create_activate_and_roll_back_change_the_version_replies_use()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var adminClient = fixture.Chat.CreateClient(admin);
        var userClient = fixture.Chat.CreateClient(admin.SameTenant() with { Role = "member" });
        var conversation = await userClient.CreateConversationAsync();

        var v1 = await (await adminClient.PostAsJsonAsync("/api/prompts", new { content = "You are terse." }))
            .Content.ReadFromJsonAsync<PromptVersionDto>();
        var v2 = await (await adminClient.PostAsJsonAsync("/api/prompts", new { content = "You are verbose." }))
            .Content.ReadFromJsonAsync<PromptVersionDto>();
        Assert.Equal((1, 2), (v1!.Version, v2!.Version));
        await AssertReplyUsesAsync(userClient, conversation.Id, 2, "You are verbose.");

        var rolledBack = await (await adminClient.PostAsync("/api/prompts/rollback", null)).Content.ReadFromJsonAsync<PromptVersionDto>();
        Assert.Equal(1, rolledBack!.Version);
        await AssertReplyUsesAsync(userClient, conversation.Id, 1, "You are terse.");

        Assert.Equal(HttpStatusCode.OK, (await adminClient.PostAsync("/api/prompts/2/activate", null)).StatusCode);
        await AssertReplyUsesAsync(userClient, conversation.Id, 2, "You are verbose.");

        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.PostAsync("/api/prompts/9/activate", null)).StatusCode);
    }

    [Fact]
    public async Task Tenants_see_only_their_own_versions_and_users_cannot_manage_prompts()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var other = TestUser.NewTenant(role: "tenant-admin");
        await fixture.Chat.CreateClient(admin).PostAsJsonAsync("/api/prompts", new { content = "Tenant A prompt" });

        var otherList = await fixture.Chat.CreateClient(other).GetFromJsonAsync<List<PromptVersionDto>>("/api/prompts");
        Assert.Empty(otherList!);
        var active = await fixture.Chat.CreateClient(other).GetFromJsonAsync<PromptVersionDto>("/api/prompts/active");
        Assert.True(active!.IsGlobalDefault);

        var plainUser = fixture.Chat.CreateClient(admin.SameTenant() with { Role = "member" });
        Assert.Equal(HttpStatusCode.Forbidden, (await plainUser.PostAsJsonAsync("/api/prompts", new { content = "x" })).StatusCode);
    }

    private async Task AssertReplyUsesAsync(HttpClient client, Guid conversationId, int version, string systemPrompt)
    {
        var sent = await client.SendAcceptedAsync(conversationId, "hello");
        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        Assert.Equal(version, command.PromptVersion);
        Assert.Equal(systemPrompt, command.Messages[0].Content);
    }
}
