using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Prompts;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class PromptReferenceTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_tenants_version_1_and_the_global_version_1_are_told_apart_on_the_reply_the_command_and_done()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var user = admin.SameTenant() with { Role = "member" };
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();

        var before = await client.SendAcceptedAsync(conversation.Id, "first");
        var (globalCommand, _) = await fixture.Worker.WaitForAsync(before.ReplyId);
        var own = await (await fixture.Chat.CreateClient(admin).PostAsJsonAsync("/api/prompts", new { content = "Tenant prompt." }))
            .Content.ReadFromJsonAsync<PromptVersionDto>();
        var after = await client.SendAcceptedAsync(conversation.Id, "second");
        var (tenantCommand, _) = await fixture.Worker.WaitForAsync(after.ReplyId);

        Assert.Equal((1, "tenant:v1"), (own!.Version, own.Ref));
        Assert.Equal((1, "global:v1"), (globalCommand.PromptVersion, globalCommand.PromptRef));
        Assert.Equal((1, "tenant:v1"), (tenantCommand.PromptVersion, tenantCommand.PromptRef));
        Assert.Equal("global:v1", (await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, before.ReplyId, _ => true)).PromptRef);
        Assert.Equal("tenant:v1", (await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, after.ReplyId, _ => true)).PromptRef);

        // The outcome keeps it, and done rebuilt from the stored reply carries it.
        await fixture.Chat.Services.GetRequiredService<IBus>().Publish(new ReplyGenerated(after.ReplyId, DateTimeOffset.UtcNow,
            after.ReplyId, user.TenantId, user.UserId, conversation.Id, "ok", "primary", "simulator", 1, 3, 1, 0m, 10, 5, "tenant:v1"));
        await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, after.ReplyId, r => r.Status == "completed");
        var done = (await client.ReadEventsAsync(after.StreamUrl)).Single();
        Assert.Equal("done", done.Type);
        using var data = JsonDocument.Parse(done.Data);
        Assert.Equal("tenant:v1", data.RootElement.GetProperty("promptRef").GetString());
        Assert.Equal(1, data.RootElement.GetProperty("promptVersion").GetInt32());
    }
}
