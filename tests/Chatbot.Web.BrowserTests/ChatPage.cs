using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

/// <summary>What a user does on the page, by labels and roles (the way a keyboard or screen-reader user finds things).</summary>
public sealed class ChatPage(IPage page)
{
    public const string Password = "Correct-Horse-Battery-9!";

    public IPage Page => page;
    public ILocator Messages => page.Locator("#messages");
    public ILocator LastReply => page.Locator("#messages article[data-role=assistant]").Last;
    public ILocator Conversations => page.Locator("#conversations li");
    public ILocator AuthError => page.Locator("#auth-error");
    public ILocator ChatError => page.Locator("#chat-error");

    public static string NewEmail() => $"web-{Guid.NewGuid():N}@example.test";

    public async Task SignUpAsync(string email)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();
        await FillCredentialsAsync(email, Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }

    public async Task LogInAsync(string email, string password)
    {
        await FillCredentialsAsync(email, password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
    }

    public async Task FillCredentialsAsync(string email, string password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
    }

    public async Task NewConversationAsync()
    {
        var before = await Conversations.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New conversation" }).ClickAsync();
        await Assertions.Expect(Conversations).ToHaveCountAsync(before + 1);
    }

    /// <summary>Types into the labelled message box and presses Enter (the keyboard path).</summary>
    public async Task SendAsync(string text)
    {
        var box = page.GetByLabel("Message", new() { Exact = true });
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    public async Task WaitForReplyAsync(string status = "completed", float timeoutMs = 30_000) =>
        await Assertions.Expect(LastReply).ToHaveAttributeAsync("data-status", status, new() { Timeout = timeoutMs });
}
