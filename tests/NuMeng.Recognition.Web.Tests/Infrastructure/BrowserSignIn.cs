using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// Signs a demo account in through the login form in Chromium, as a person does: user name and password, then — when the
/// portal asks (department and administrator accounts) — the authenticator code a phone would show
/// (<see cref="Totp.FreshCodeAsync"/>, never one the portal has taken already), and waits for the workspace. The machine
/// is shared by several builds: generous time-outs, a settled page before typing.
/// </summary>
internal static partial class BrowserSignIn
{
    /// <summary>Signs <paramref name="user"/> in on <paramref name="page"/> (demo password unless given).</summary>
    public static async Task SignInAsync(this IPage page, PortalFactory portal, string user, string password = DemoSeeder.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(portal);
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        await page.GotoAsync(portal.Url("/account/login"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.FillAsync("#login-user", user);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(AfterPassword());
        if (page.Url.Contains("/account/login-2fa", StringComparison.Ordinal))
        {
            await page.FillAsync("#login-code", await Totp.FreshCodeAsync(portal.RootUri, user, DemoSeeder.DemoAuthenticatorKey));
            await page.ClickAsync("main button[type=submit]");
        }
        try
        {
            await page.WaitForURLAsync("**/workspace");
        }
        catch (TimeoutException ex)
        {
            var text = await page.Locator("main").InnerTextAsync();
            throw new InvalidOperationException($"{user} 登录后未进入工作台，停留在 {page.Url}：{text}", ex);
        }
    }

    /// <summary>A page of a fresh browser context, <paramref name="width"/>×<paramref name="height"/>, signed in as <paramref name="user"/>.</summary>
    public static async Task<IPage> SignedInPageAsync(this BrowserFixture browser, PortalFactory portal, string user, int width = 1280, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync(width, height);
        await page.SignInAsync(portal, user);
        return page;
    }

    /// <summary>
    /// A page of a fresh browser context carrying the session of <paramref name="user"/>'s first sign-in on this portal
    /// (its cookies): a class that opens many pages signs the account in once, not once per page.
    /// </summary>
    public static async Task<IPage> SessionPageAsync(this BrowserFixture browser, PortalFactory portal, string user, int width = 1280, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var sessions = Sessions.GetOrCreateValue(portal);
        var first = false;
        var state = sessions.GetOrAdd(user, _ =>
        {
            first = true;
            return new Lazy<Task<(IPage Page, string State)>>(async () =>
            {
                var page = await browser.SignedInPageAsync(portal, user, width, height);
                return (page, await page.Context.StorageStateAsync());
            });
        });
        var (signedIn, storage) = await state.Value;
        if (first)
        {
            return signedIn;
        }
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            StorageState = storage,
        });
        var fresh = await context.NewPageAsync();
        fresh.SetDefaultTimeout(60_000);
        fresh.SetDefaultNavigationTimeout(60_000);
        return fresh;
    }

    private static readonly ConditionalWeakTable<PortalFactory, ConcurrentDictionary<string, Lazy<Task<(IPage Page, string State)>>>> Sessions = new();

    [GeneratedRegex("/(workspace|account/login-2fa)")]
    private static partial Regex AfterPassword();
}
