using System.Net;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class ExportTests(ChatFixture fixture)
{
    [Fact]
    public async Task Json_export_has_the_conversation_and_its_messages_oldest_first_as_a_download()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync("Trip planning");
        var first = await client.SendAcceptedAsync(conversation.Id, "Where should we go?");
        var second = await client.SendAcceptedAsync(conversation.Id, "And when?");

        var response = await client.GetAsync($"/api/conversations/{conversation.Id}/export?format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"conversation-{conversation.Id}.json", response.Content.Headers.ContentDisposition?.FileName);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(conversation.Id, root.GetProperty("id").GetGuid());
        Assert.Equal("Trip planning", root.GetProperty("title").GetString());
        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([first.MessageId, first.ReplyId, second.MessageId, second.ReplyId], messages.Select(m => m.GetProperty("id").GetGuid()));
        Assert.Equal(["Where should we go?", "", "And when?", ""], messages.Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Markdown_export_has_the_title_and_each_message_under_its_author()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync("Recipes");
        await client.SendAcceptedAsync(conversation.Id, "How do I bake bread?");

        var response = await client.GetAsync($"/api/conversations/{conversation.Id}/export?format=markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"conversation-{conversation.Id}.md", response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("# Recipes\n\n_Exported ", text);
        Assert.EndsWith("## You\n\nHow do I bake bread?\n\n## Assistant\n\n_(pending)_\n\n", text);
    }

    [Fact]
    public async Task Another_users_or_tenants_conversation_is_404_and_bad_input_is_a_400_problem()
    {
        var owner = TestUser.NewTenant();
        var conversation = await fixture.Chat.CreateClient(owner).CreateConversationAsync("private");
        await fixture.Chat.CreateClient(owner).SendAcceptedAsync(conversation.Id, "my secret");

        foreach (var stranger in new[] { owner.SameTenant(), TestUser.NewTenant() })
        {
            var response = await fixture.Chat.CreateClient(stranger).GetAsync($"/api/conversations/{conversation.Id}/export");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("my secret", await response.Content.ReadAsStringAsync());
        }
        var client = fixture.Chat.CreateClient(owner);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/conversations/{Guid.NewGuid()}/export")).StatusCode);
        foreach (var url in new[] { $"/api/conversations/{conversation.Id}/export?format=pdf", "/api/conversations/not-an-id/export" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Chat.CreateClient().GetAsync($"/api/conversations/{conversation.Id}/export")).StatusCode);
    }
}
