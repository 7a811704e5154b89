using System.Net;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Identity;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class UserDeletedTests(ChatFixture fixture)
{
    [Fact]
    public async Task An_erased_user_loses_their_conversations_and_nobody_else_does()
    {
        var deleted = TestUser.NewTenant();
        var colleague = deleted.SameTenant();
        var deletedClient = fixture.Chat.CreateClient(deleted);
        var colleagueClient = fixture.Chat.CreateClient(colleague);
        var gone = await deletedClient.CreateConversationAsync();
        await deletedClient.SendAcceptedAsync(gone.Id, "forget me");
        var kept = await colleagueClient.CreateConversationAsync();

        await fixture.Chat.Services.GetRequiredService<IBus>()
            .Publish(new ErasureRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), deleted.TenantId, [deleted.UserId], WholeTenant: false));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await deletedClient.GetAsync($"/api/conversations/{gone.Id}")).StatusCode != HttpStatusCode.NotFound)
        {
            Assert.True(DateTime.UtcNow < deadline, "the conversation of the deleted user is still there");
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.OK, (await colleagueClient.GetAsync($"/api/conversations/{kept.Id}")).StatusCode);
    }
}
