using System.Text.Json;
using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ChatPageTests(BrowserSystemFixture system)
{
    [Fact]
    public async Task Sign_up_stream_a_reply_reload_export_and_delete()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());
        await chat.NewConversationAsync();

        await chat.SendAsync("Tell me something about streams");
        await Assertions.Expect(chat.LastReply).ToHaveAttributeAsync("data-status", "streaming", new() { Timeout = 15_000 });
        var lengths = new List<int>();
        while (await chat.LastReply.GetAttributeAsync("data-status") == "streaming" && lengths.Count < 200)
        {
            lengths.Add((await chat.LastReply.Locator(".body").InnerTextAsync()).Length);
            await Task.Delay(100);
        }
        await chat.WaitForReplyAsync();
        var final = (await chat.LastReply.Locator(".body").InnerTextAsync()).Length;
        Assert.True(final > 0, "The reply is empty.");
        var distinct = lengths.Where(l => l > 0 && l < final).Distinct().ToList();
        Assert.True(distinct.Count >= 3, $"The reply did not grow token by token: saw lengths [{string.Join(", ", lengths)}], final {final}.");
        Assert.Equal(distinct.OrderBy(l => l), distinct);
        var title = await chat.Page.Locator("#conversation-title").InnerTextAsync();
        Assert.Equal("Tell me something about streams", title);
        await Artifacts.ScreenshotAsync(chat.Page, "01-streamed-reply");

        await chat.Page.ReloadAsync();
        await Assertions.Expect(chat.Conversations.First.Locator("button.open")).ToHaveTextAsync(title);
        await Assertions.Expect(chat.LastReply).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(chat.Messages.Locator("article")).ToHaveCountAsync(2);
        await Artifacts.ScreenshotAsync(chat.Page, "02-after-reload");

        var json = await DownloadAsync(chat.Page, "Export JSON");
        using var exported = JsonDocument.Parse(json);
        Assert.Equal(title, exported.RootElement.GetProperty("title").GetString());
        var messages = exported.RootElement.GetProperty("messages");
        Assert.Equal(2, messages.GetArrayLength());
        Assert.Equal("Tell me something about streams", messages[0].GetProperty("content").GetString());
        Assert.False(string.IsNullOrWhiteSpace(messages[1].GetProperty("content").GetString()));
        var markdown = await DownloadAsync(chat.Page, "Export Markdown");
        Assert.StartsWith($"# {title}", markdown);
        Assert.Contains("## You", markdown);
        Assert.Contains("## Assistant", markdown);

        chat.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await chat.Page.GetByRole(AriaRole.Button, new() { Name = $"Delete {title}" }).ClickAsync();
        await Assertions.Expect(chat.Conversations).ToHaveCountAsync(0);
        await chat.Page.ReloadAsync();
        await Assertions.Expect(chat.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await Assertions.Expect(chat.Conversations).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(chat.Page, "03-deleted");

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(chat.Page.GetByLabel("E-mail")).ToBeFocusedAsync();
        await chat.Page.ReloadAsync();
        await Assertions.Expect(chat.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        Assert.Empty(await context.CookiesAsync());
    }

    [Fact]
    public async Task Model_output_with_script_and_img_onerror_renders_as_text()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());
        const string attack = "[[sim:echo;tps=400]] <script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\"> **bold** [x](javascript:window.__xss=3)";

        await chat.SendAsync(attack);
        await chat.WaitForReplyAsync();

        var reply = chat.LastReply.Locator(".body");
        var text = await reply.InnerTextAsync();
        Assert.Contains("<script>window.__xss = 1</script>", text);
        Assert.Contains("<img src=x onerror=\"window.__xss = 2\">", text);
        Assert.Equal(0, await chat.Messages.Locator("script, img, iframe").CountAsync());
        Assert.Equal(0, await chat.Messages.Locator("a[href^='javascript']").CountAsync());
        Assert.Equal(1, await reply.Locator("strong").CountAsync());
        await chat.Page.WaitForTimeoutAsync(300);
        Assert.Equal("undefined", await chat.Page.EvaluateAsync<string>("() => typeof window.__xss"));
        await Artifacts.ScreenshotAsync(chat.Page, "04-script-as-text");
    }

    [Fact]
    public async Task Too_many_login_attempts_show_the_429_message()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.Page.GotoAsync("/");
        var email = ChatPage.NewEmail();

        for (var attempt = 1; attempt <= BrowserSystemFixture.LoginLimit; attempt++)
        {
            await chat.LogInAsync(email, "wrong-password-" + attempt);
            await Assertions.Expect(chat.AuthError).ToContainTextAsync("incorrect", new() { Timeout = 20_000 });
        }
        await chat.LogInAsync(email, "wrong-password-again");

        await Assertions.Expect(chat.AuthError).ToContainTextAsync("You are sending too fast. Please wait", new() { Timeout = 20_000 });
        await Assertions.Expect(chat.AuthError).ToContainTextAsync("Too many login attempts");
        await Artifacts.ScreenshotAsync(chat.Page, "05-rate-limited");
    }

    [Fact]
    public async Task Phone_width_layout_keeps_every_control_reachable()
    {
        await using var context = await system.NewContextAsync(width: 375, height: 740);
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail());
        await chat.SendAsync("Hello from a phone");
        await chat.WaitForReplyAsync();

        var width = await chat.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The page is {width}px wide on a 375px screen.");
        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Conversations" }).ClickAsync();
        await Assertions.Expect(chat.Conversations.First).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(chat.Page, "06-phone");
    }

    private static async Task<string> DownloadAsync(IPage page, string button)
    {
        // The page downloads the server's export (GET /api/conversations/{id}/export), it does not build the file itself.
        var exported = page.WaitForResponseAsync(r => r.Url.Contains("/export?format=", StringComparison.Ordinal) && r.Status == 200);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        await exported;
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }
}
