using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardAndListTests(BrowserSystemFixture system)
{
    [Fact]
    public async Task The_log_in_form_works_with_the_keyboard_alone_in_label_order()
    {
        await using var context = await system.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByLabel("E-mail")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create an account" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create an account" })).ToBeVisibleAsync();

        await page.GetByLabel("E-mail").FocusAsync();
        await page.Keyboard.TypeAsync(ChatPage.NewEmail());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(ChatPage.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "14-keyboard-sign-up");
    }

    [Fact]
    public async Task Escape_stops_a_streaming_reply()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());

        await chat.SendAsync("[[sim:tokens=300;tps=10]] Go on and on");
        await Assertions.Expect(chat.LastReply).ToHaveAttributeAsync("data-status", "streaming", new() { Timeout = 15_000 });
        await chat.Page.GetByLabel("Message", new() { Exact = true }).PressAsync("Escape");

        await chat.WaitForReplyAsync("cancelled", timeoutMs: 5_000);
        await Artifacts.ScreenshotAsync(chat.Page, "15-escape-stopped");
    }

    [Fact]
    public async Task A_renamed_conversation_keeps_its_name_after_reload()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());
        await chat.NewConversationAsync();
        chat.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync("Holiday plans");

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Rename New conversation" }).ClickAsync();

        await Assertions.Expect(chat.Page.Locator("#conversation-title")).ToHaveTextAsync("Holiday plans");
        await chat.Page.ReloadAsync();
        await Assertions.Expect(chat.Conversations.First.Locator("button.open")).ToHaveTextAsync("Holiday plans");
        await Assertions.Expect(chat.Page.Locator("#conversation-title")).ToHaveTextAsync("Holiday plans");
        await Artifacts.ScreenshotAsync(chat.Page, "13-renamed");
    }
}
