using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Messages;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class PaginationTests(ChatFixture fixture)
{
    [Fact]
    public async Task Conversations_page_newest_first_with_an_opaque_cursor_and_no_overlap()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.CreateConversationAsync($"c{i}")).Id);
        }

        var (seen, pages) = await client.ReadAllPagesAsync("/api/conversations?", limit: 2);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task Messages_page_newest_first()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();
        var first = await client.SendAcceptedAsync(conversation.Id, "one");
        var second = await client.SendAcceptedAsync(conversation.Id, "two");

        var page1 = await client.GetFromJsonAsync<Page<MessageDto>>($"/api/conversations/{conversation.Id}/messages?limit=3");
        Assert.Equal([second.ReplyId, second.MessageId, first.ReplyId], page1!.Items.Select(m => m.Id));
        var page2 = await client.GetFromJsonAsync<Page<MessageDto>>(
            $"/api/conversations/{conversation.Id}/messages?limit=3&cursor={page1.NextCursor}");
        Assert.Equal([first.MessageId], page2!.Items.Select(m => m.Id));
        Assert.Null(page2.NextCursor);
    }

    [Theory]
    [InlineData("/api/conversations?cursor=not-a-cursor")]
    [InlineData("/api/conversations?limit=0")]
    [InlineData("/api/conversations?limit=101")]
    public async Task Bad_cursor_or_limit_is_a_400_problem(string url)
    {
        var response = await fixture.Chat.CreateClient(TestUser.NewTenant()).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
