using Microsoft.Playwright;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>What every browser test does to a page: collect console errors, leave a full-page screenshot to look at.</summary>
internal static class BrowserPages
{
    /// <summary>Collects the page's console errors from now on (a Blazor error shows there first).</summary>
    public static List<string> WatchConsole(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }

    /// <summary>A full-page screenshot into <see cref="BrowserFixture.ScreenshotDirectory"/>.</summary>
    public static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = true });
}
