using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Conversations;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.IntegrationTests.Infrastructure;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class SearchTests(ChatFixture fixture)
{
    [Fact]
    public async Task Search_stems_english_words_both_ways()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var running = await client.CreateConversationAsync("Morning");
        await client.SendAcceptedAsync(running.Id, "I went running along the river today");
        var run = await client.CreateConversationAsync("Evening");
        await client.SendAcceptedAsync(run.Id, "How long should a first run be?");
        var unrelated = await client.CreateConversationAsync("Cooking");
        await client.SendAcceptedAsync(unrelated.Id, "A recipe for pancakes");

        var byRun = await SearchAsync(client, "run");
        var byRunning = await SearchAsync(client, "running");

        Assert.Equal([running.Id, run.Id], byRun.Items.Select(c => c.Id).Order());
        Assert.Equal([running.Id, run.Id], byRunning.Items.Select(c => c.Id).Order());
        Assert.Empty((await SearchAsync(client, "bicycle")).Items);
    }

    [Fact]
    public async Task Search_ranks_a_title_hit_above_message_hits_and_more_mentions_above_fewer()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var once = await client.CreateConversationAsync("Plans");
        await client.SendAcceptedAsync(once.Id, "We could visit the lighthouse on Sunday");
        var thrice = await client.CreateConversationAsync("Trip");
        await client.SendAcceptedAsync(thrice.Id, "The lighthouse is old; lighthouse keepers lived in the lighthouse");
        var title = await client.CreateConversationAsync("Lighthouse history");
        await client.SendAcceptedAsync(title.Id, "Tell me more");

        var page = await SearchAsync(client, "lighthouse");

        Assert.Equal([title.Id, thrice.Id, once.Id], page.Items.Select(c => c.Id));
        Assert.Equal("Lighthouse history", page.Items[0].Title);
    }

    [Fact]
    public async Task A_stop_word_alone_matches_nothing_while_a_phrase_around_it_and_unstemmed_words_still_match()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var harbour = await client.CreateConversationAsync("Notes");
        await client.SendAcceptedAsync(harbour.Id, "The harbour of the old town");
        var other = await client.CreateConversationAsync("More notes");
        await client.SendAcceptedAsync(other.Id, "Meet me at the station, Zürichsee ferries");

        Assert.Empty((await SearchAsync(client, "the")).Items);
        Assert.Empty((await SearchAsync(client, "of the")).Items);
        Assert.Equal([harbour.Id], (await SearchAsync(client, "the harbour")).Items.Select(c => c.Id));
        Assert.Equal([other.Id], (await SearchAsync(client, "Zürichsee")).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Search_never_returns_another_users_or_another_tenants_conversations()
    {
        var owner = TestUser.NewTenant();
        var neighbour = owner.SameTenant();
        var stranger = TestUser.NewTenant();
        var mine = await fixture.Chat.CreateClient(owner).CreateConversationAsync("Aardvark notes");
        foreach (var other in new[] { neighbour, stranger })
        {
            var client = fixture.Chat.CreateClient(other);
            var theirs = await client.CreateConversationAsync("Aardvark");
            await client.SendAcceptedAsync(theirs.Id, "aardvark aardvark aardvark");
        }

        var page = await SearchAsync(fixture.Chat.CreateClient(owner), "aardvark");

        Assert.Equal([mine.Id], page.Items.Select(c => c.Id));
        foreach (var other in new[] { neighbour, stranger })
        {
            var theirs = await SearchAsync(fixture.Chat.CreateClient(other), "aardvark");
            Assert.DoesNotContain(mine.Id, theirs.Items.Select(c => c.Id));
            Assert.Single(theirs.Items);
        }
    }

    [Fact]
    public async Task Search_pages_with_the_list_routes_cursor_and_limit_without_overlap()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var conversation = await client.CreateConversationAsync($"c{i}");
            await client.SendAcceptedAsync(conversation.Id, $"notes about the harbour, part {i}");
            created.Add(conversation.Id);
        }
        await client.SendAcceptedAsync((await client.CreateConversationAsync("other")).Id, "nothing to see");

        var (seen, pages) = await client.ReadAllPagesAsync("/api/conversations?q=harbour", limit: 2);

        Assert.Equal(3, pages);
        // Equal ranks: ordered by id, newest first (ids are version 7 GUIDs), exactly once each.
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task A_blank_query_is_the_plain_list()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync("anything");

        var page = await client.GetFromJsonAsync<Page<ConversationDto>>("/api/conversations?q=%20");

        Assert.Equal([conversation.Id], page!.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Bad_search_input_is_a_400_problem()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        for (var i = 0; i < 3; i++)
        {
            await client.CreateConversationAsync($"quarterly report {i}");
        }
        var listCursor = (await client.GetFromJsonAsync<Page<ConversationDto>>("/api/conversations?limit=1"))!.NextCursor;
        var searchCursor = (await SearchAsync(client, "quarterly", "&limit=1")).NextCursor;
        Assert.NotNull(searchCursor);

        string[] urls =
        [
            $"/api/conversations?q={new string('x', 257)}",
            $"/api/conversations?q=x&cursor={listCursor}",
            $"/api/conversations?cursor={searchCursor}",
            "/api/conversations?q=x&cursor=not-a-cursor",
            "/api/conversations?q=x&limit=0",
            "/api/conversations?q=%22%27%29%28%3A%2A%21%7C%26",
        ];
        foreach (var url in urls[..^1])
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // Query syntax characters are words to web search syntax, never an error.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(urls[^1])).StatusCode);
    }

    private static async Task<Page<ConversationDto>> SearchAsync(HttpClient client, string q, string extra = "")
    {
        var response = await client.GetAsync($"/api/conversations?q={Uri.EscapeDataString(q)}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Page<ConversationDto>>())!;
    }
}
