using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Messages;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class BadInputTests(ChatFixture fixture)
{
    [Theory]
    [InlineData("", "content")]
    [InlineData("   ", "content")]
    public async Task Blank_content_is_a_400_naming_the_field_and_stores_nothing(string content, string field)
    {
        var (client, conversationId) = await NewConversationAsync();
        var response = await client.SendMessageAsync(conversationId, content);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        await AssertNoMessagesAsync(client, conversationId);
    }

    [Fact]
    public async Task Oversized_content_is_a_400_with_the_configured_limit()
    {
        var (client, conversationId) = await NewConversationAsync();
        var response = await client.SendMessageAsync(conversationId, new string('x', 1001)); // tests configure 1000
        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "content");
        Assert.Contains("1000", body);
        await AssertNoMessagesAsync(client, conversationId);
    }

    [Fact]
    public async Task Invalid_json_is_a_400_problem_not_a_500()
    {
        var (client, conversationId) = await NewConversationAsync();
        var response = await client.PostAsync($"/api/conversations/{conversationId}/messages",
            new StringContent("{\"content\": ", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, null);
        await AssertNoMessagesAsync(client, conversationId);
    }

    [Theory]
    [InlineData("GET", "/api/conversations/not-a-guid")]
    [InlineData("GET", "/api/conversations/not-a-guid/messages")]
    [InlineData("POST", "/api/conversations/not-a-guid/messages")]
    [InlineData("GET", "/api/replies/123/stream")]
    [InlineData("POST", "/api/replies/123/cancel")]
    public async Task Malformed_ids_are_a_400_problem(string method, string url)
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { content = "hi" });
        }
        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, null);
    }

    [Fact]
    public async Task Unknown_conversation_is_a_404()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendMessageAsync(Guid.NewGuid(), "hi")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/replies/{Guid.NewGuid()}/stream")).StatusCode);
    }

    [Fact]
    public async Task Malformed_last_event_id_is_a_400()
    {
        var (client, conversationId) = await NewConversationAsync();
        var sent = await client.SendAcceptedAsync(conversationId, "hi");
        var request = new HttpRequestMessage(HttpMethod.Get, sent.StreamUrl);
        request.Headers.Add("Last-Event-ID", "yesterday");
        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, "Last-Event-ID");
    }

    private async Task<(HttpClient, Guid)> NewConversationAsync()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        return (client, (await client.CreateConversationAsync()).Id);
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
        }
        return body;
    }

    private static async Task AssertNoMessagesAsync(HttpClient client, Guid conversationId)
    {
        var page = await client.GetFromJsonAsync<Page<MessageDto>>($"/api/conversations/{conversationId}/messages");
        Assert.Empty(page!.Items);
    }
}
