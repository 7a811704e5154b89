using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

/// <summary>Screenshots of every test, in <c>TestResults/screenshots</c> next to the test project (or BROWSER_TEST_ARTIFACTS).</summary>
public static class Artifacts
{
    public static string Directory { get; } = Resolve();

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}.png"), FullPage = true });
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("BROWSER_TEST_ARTIFACTS") is { Length: > 0 } configured)
        {
            return configured;
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Chatbot.Web.BrowserTests.csproj")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
