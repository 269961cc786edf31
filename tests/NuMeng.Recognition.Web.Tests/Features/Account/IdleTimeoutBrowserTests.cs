using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>
/// docs/platform-notes.md §11, end to end: an open interactive page (a Blazor circuit) left alone for Security:IdleTimeoutMinutes
/// is signed out and sent to the sign-in page, in a real browser against the real server (1 minute here).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IdleTimeoutBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly PortalFactory _portal = new(new PortalOptions { Settings = new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "1" } });

    [Fact]
    public async Task InteractivePage_IdleForTheTimeout_SignedOutToTheLoginPage()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_portal, "enterprise");

        // The draft A1 opens in the interactive editor (Interactive Server render mode: a circuit).
        await page.GotoAsync(new Uri(_portal.RootUri, $"/applications/{DemoSeeder.ApplicationId("A1"):D}/edit").ToString());
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        Assert.Contains("/edit", page.Url, StringComparison.Ordinal);

        await page.WaitForURLAsync("**/account/login?reason=idle", new PageWaitForURLOptions { Timeout = 120_000 });

        await Assertions.Expect(page.Locator(".auth-notice")).ToContainTextAsync("由于长时间未操作，您已自动退出");
        // The cookie expired with the same idle time: the workspace asks for a sign-in again.
        await page.GotoAsync(new Uri(_portal.RootUri, "/workspace").ToString());
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    public void Dispose() => _portal.Dispose();
}
