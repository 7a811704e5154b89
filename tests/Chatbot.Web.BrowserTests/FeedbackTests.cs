using System.Text.Json;
using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FeedbackTests(BrowserSystemFixture system)
{
    [Fact]
    public async Task Thumbs_under_a_finished_reply_record_the_rating_and_can_change_it()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());
        await chat.SendAsync("[[sim:tokens=5]] Rate me");
        await chat.WaitForReplyAsync();
        var up = chat.LastReply.GetByRole(AriaRole.Button, new() { Name = "Good reply" });
        var down = chat.LastReply.GetByRole(AriaRole.Button, new() { Name = "Bad reply" });

        await up.ClickAsync();
        await Assertions.Expect(up).ToHaveAttributeAsync("aria-pressed", "true");
        await down.ClickAsync();
        await Assertions.Expect(down).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(up).ToHaveAttributeAsync("aria-pressed", "false");

        // The server holds the changed rating: the page's own token reads it back.
        var replyId = await chat.LastReply.GetAttributeAsync("data-id");
        var stored = await chat.Page.EvaluateAsync<JsonElement>(
            "async id => (await import('/js/api.js')).api(`/api/replies/${id}/feedback`)", replyId);
        Assert.Equal("down", stored.GetProperty("rating").GetString());
        await Artifacts.ScreenshotAsync(chat.Page, "feedback-thumbs");
    }
}
