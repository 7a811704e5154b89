using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.TestSupport;

namespace Chatbot.Chat.IntegrationTests.EndToEnd;

/// <summary>
/// The built-in <c>conversation_search</c> tool through the whole system: identity tokens, chat, RabbitMQ, the inference
/// worker (in-process simulator, which calls a tool on <c>[[sim:tool=...]]</c> and answers with its result), the worker's
/// request to chat over the bus, chat's search on PostgreSQL, and the result screening in the worker.
/// </summary>
[Collection(ChatSystemCollection.Name)]
public sealed class ConversationSearchToolEndToEndTests(ChatSystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_model_calls_the_builtin_search_and_the_reply_holds_the_users_own_hit_screened_and_no_other_tenants()
    {
        var owner = await system.SignUpAsync();
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/tools", new { builtin = "conversation_search" })).StatusCode);
        var notes = await owner.CreateConversationAsync("Quokka habitat notes");
        await owner.SendAcceptedAsync(notes.Id, "The quokka habitat is Rottnest Island; the ranger is jane.ranger@example.com.");
        var stranger = await system.SignUpAsync();
        Assert.Equal(HttpStatusCode.Created, (await stranger.PostAsJsonAsync("/api/tools", new { builtin = "conversation_search" })).StatusCode);
        var theirs = await stranger.CreateConversationAsync("Quokka habitat smuggling");
        await stranger.SendAcceptedAsync(theirs.Id, "quokka habitat quokka habitat");

        var text = await AskAsync(owner, """What did I note about quokkas? [[sim:tool=conversation_search;args={"query":"quokka habitat"}]]""");

        Assert.StartsWith("The tool answered: ", text);
        Assert.Contains("Quokka habitat notes", text);
        Assert.Contains("Rottnest Island", text); // the excerpt of the matching message
        Assert.DoesNotContain("jane.ranger@example.com", text); // personal data in a tool result is masked like any tool's
        Assert.DoesNotContain("smuggling", text); // another tenant's conversation never appears
    }

    [Fact]
    public async Task A_tenant_that_did_not_allow_the_search_cannot_have_it_called_and_the_model_is_told()
    {
        var client = await system.SignUpAsync();
        // Another tool is allowed, so the model is offered functions, but not the conversation search.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/tools", new
        {
            name = "order_status", description = "Looks an order up.", endpoint = "https://tools.example/orders", risk = "read",
            parameters = new { type = "object", properties = new { orderId = new { type = "string" } } },
        })).StatusCode);
        var notes = await client.CreateConversationAsync("Platypus field notes");
        await client.SendAcceptedAsync(notes.Id, "Platypuses lay eggs.");

        var text = await AskAsync(client, """What did I note? [[sim:tool=conversation_search;args={"query":"platypus"}]]""");

        Assert.Contains("wasn't defined", text); // the function-calling loop's refusal, as the model reads it
        Assert.DoesNotContain("Platypus field notes", text);
    }

    private static async Task<string> AskAsync(HttpClient client, string content)
    {
        var conversation = await client.CreateConversationAsync("Question");
        var sent = await client.SendAcceptedAsync(conversation.Id, content);
        var events = await client.ReadEventsAsync(sent.StreamUrl, timeout: Wait);
        Assert.Equal("done", events[^1].Type);
        var text = string.Concat(events.Where(e => e.Type == "token").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
        return text;
    }
}
