using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StreamControlTests(BrowserSystemFixture system)
{
    [Fact]
    public async Task Stop_button_cancels_the_reply()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());

        await chat.SendAsync("[[sim:tokens=300;tps=10]] A long answer, please");
        await Assertions.Expect(chat.LastReply).ToHaveAttributeAsync("data-status", "streaming", new() { Timeout = 15_000 });
        var stop = chat.Page.GetByRole(AriaRole.Button, new() { Name = "Stop" });
        await stop.ClickAsync();

        await chat.WaitForReplyAsync("cancelled", timeoutMs: 5_000);
        await Assertions.Expect(chat.LastReply.Locator(".notice")).ToHaveTextAsync("Stopped.");
        await Assertions.Expect(stop).ToBeHiddenAsync();
        await Artifacts.ScreenshotAsync(chat.Page, "07-stopped");
    }

    [Fact]
    public async Task A_dropped_stream_resumes_after_chat_restarts_without_losing_or_repeating_tokens()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());

        await chat.SendAsync("[[sim:tokens=60;tps=10]] Keep talking while the server restarts");
        await Assertions.Expect(chat.LastReply).ToHaveAttributeAsync("data-status", "streaming", new() { Timeout = 15_000 });
        await system.App.KillResourceAsync("chat");
        await system.App.StartResourceAsync("chat");

        await chat.WaitForReplyAsync(timeoutMs: 60_000);
        var shown = await chat.LastReply.Locator(".body").InnerTextAsync();
        await Artifacts.ScreenshotAsync(chat.Page, "08-resumed");

        await chat.Page.ReloadAsync();
        await chat.WaitForReplyAsync();
        var stored = await chat.LastReply.Locator(".body").InnerTextAsync();
        Assert.Equal(stored, shown);
        Assert.Equal(60, stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
