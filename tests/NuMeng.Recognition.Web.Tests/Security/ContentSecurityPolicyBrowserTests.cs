using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Security;

/// <summary>
/// the Content-Security-Policy must not break the portal. In Chromium, public pages, the QR code of the
/// two-factor set-up (a data: image) and an interactive page (Blazor circuit over WebSocket) load with no CSP violation
/// and no console error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser, PortalFactory portal)
{
    /// <summary>Runs in every document before its own scripts, outside the page's CSP: records each violation.</summary>
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    private string Url(string path) => new Uri(portal.RootUri, path).ToString();

    private static async Task<string[]> ViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("window.__csp || []");

    [Fact]
    public async Task Pages_UnderTheContentSecurityPolicy_LoadWithoutViolations()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.AddInitScriptAsync(RecordViolations);
        var errors = WatchConsole(page);
        var violations = new List<string>();

        foreach (var path in new[] { "/", "/precheck?kind=digitalWorkshop", "/notices", "/verify" })
        {
            await page.GotoAsync(Url(path));
            violations.AddRange((await ViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        await page.SignInAsync(portal, "enterprise");
        await page.GotoAsync(Url("/account/2fa-setup"));
        var qr = page.Locator("img[src^='data:image/png']");
        if (await qr.CountAsync() > 0)
        {
            Assert.True(await qr.First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code did not render");
        }
        violations.AddRange((await ViolationsAsync(page)).Select(v => $"2fa-setup: {v}"));
        // An interactive page (the application's detail): the circuit connects over the WebSocket that connect-src allows.
        await page.GotoAsync(Url("/applications"));
        var detail = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).find(h => /^\\/?applications\\/[0-9a-f-]{36}$/.test(h))");
        Assert.False(string.IsNullOrEmpty(detail), "the enterprise has no application to open");
        var socket = await page.RunAndWaitForWebSocketAsync(() => page.GotoAsync(Url(detail.TrimStart('/').Insert(0, "/"))));
        Assert.Contains("_blazor", socket.Url, StringComparison.Ordinal);
        await page.WaitForTimeoutAsync(1500);
        Assert.False(socket.IsClosed, "the circuit's WebSocket closed");
        violations.AddRange((await ViolationsAsync(page)).Select(v => $"{detail}: {v}"));
        await ShotAsync(page, "csp-interactive.png");

        Assert.Empty(violations);
        Assert.Empty(errors);
    }
}
