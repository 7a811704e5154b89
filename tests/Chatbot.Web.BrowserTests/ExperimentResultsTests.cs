using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

/// <summary>The tenant admin's experiments dialog shows each variant's figures as the results route gives them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExperimentResultsTests(BrowserSystemFixture system)
{
    private const string ApiCall = "async ([path, body]) => (await import('/js/api.js')).api(path, body ? { method: 'POST', body } : {})";

    [Fact]
    public async Task An_admin_sees_the_turns_and_feedback_of_each_variant_of_an_experiment()
    {
        await using var context = await system.NewContextAsync();
        var chat = new ChatPage(await context.NewPageAsync());
        await chat.SignUpAsync(ChatPage.NewEmail()); // a new account's own tenant: its admin
        var experiments = chat.Page.GetByRole(AriaRole.Button, new() { Name = "Experiments" });
        await Assertions.Expect(experiments).ToBeVisibleAsync();

        // Two prompt versions (the first active) and an experiment that sends 5 % to the second, through the page's own token.
        await CallAsync(chat, "/api/prompts", new { content = "You are a helpful assistant. Answer briefly." });
        await CallAsync(chat, "/api/prompts", new { content = "You are a helpful assistant. Answer in detail.", activate = false });
        await CallAsync(chat, "/api/prompts/experiments", new
        {
            name = "brief-or-detailed",
            variants = new object[] { new { promptVersion = 1, weight = 95 }, new { promptVersion = 2, weight = 5 } },
        });
        await chat.SendAsync("[[sim:tokens=5]] Hello");
        await chat.WaitForReplyAsync();
        await chat.LastReply.GetByRole(AriaRole.Button, new() { Name = "Good reply" }).ClickAsync();
        await Assertions.Expect(chat.LastReply.GetByRole(AriaRole.Button, new() { Name = "Good reply" }))
            .ToHaveAttributeAsync("aria-pressed", "true");

        await experiments.ClickAsync();
        var dialog = chat.Page.GetByRole(AriaRole.Dialog, new() { Name = "Prompt experiments" });
        var table = dialog.Locator("table.results");
        await Assertions.Expect(table.Locator("caption")).ToHaveTextAsync("brief-or-detailed (running)");
        await Assertions.Expect(table.Locator("tr[data-variant]")).ToHaveCountAsync(2);
        // The one turn and its thumbs up are counted under whichever variant the user was assigned to.
        var turns = await table.Locator("tr[data-variant] td:nth-child(5)").AllTextContentsAsync();
        var feedback = await table.Locator("tr[data-variant] td:nth-child(6)").AllTextContentsAsync();
        Assert.Equal(1, turns.Sum(int.Parse));
        Assert.Equal(1, feedback.Sum(int.Parse));
        await Artifacts.ScreenshotAsync(chat.Page, "experiment-results");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    private static async Task CallAsync(ChatPage chat, string path, object body) =>
        await chat.Page.EvaluateAsync(ApiCall, new object[] { path, body });
}
