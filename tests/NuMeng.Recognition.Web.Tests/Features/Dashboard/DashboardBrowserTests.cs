using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Dashboard;

/// <summary>
/// /dashboard and /workspace in Chromium for an enterprise, a bureau and the department (with its authenticator code), at
/// 1280 and 390 px; screenshots for people to look at. Signed in, the header is one line at 1280 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser, PortalFactory portal)
{
    [Theory]
    [InlineData("enterprise", 1280)]
    [InlineData("enterprise", 390)]
    [InlineData("bureau.reviewer", 1280)]
    [InlineData("bureau.reviewer", 390)]
    [InlineData("dept.staff", 1280)]
    [InlineData("dept.staff", 390)]
    public async Task DashboardAndWorkspace_Role_RenderWithoutOverflow(string user, int width)
    {
        var page = await browser.NewPageAsync(width, width < 500 ? 844 : 900);
        var device = width < 500 ? "phone" : "desktop";
        await page.SignInAsync(portal, user);
        await Assertions.Expect(page.Locator("a.tile").First).ToBeVisibleAsync();
        await ShotAsync(page, $"h2-workspace-{user}-{device}.png");

        if (width >= 1280)
        {
            // One line: every item of the signed-in navigation sits on the same row (items are centred: a wrapped row
            // would be a whole line, ~40 px, lower), and the navigation sits beside the brand, not under it.
            var tops = await page.EvalOnSelectorAllAsync<double[]>(".site-nav__list > li", "els => els.map(e => e.getBoundingClientRect().top)");
            Assert.True(tops.Max() - tops.Min() < 12, $"导航换行：{string.Join(", ", tops)}");
            var brandTop = await page.EvalOnSelectorAsync<double>(".site-brand", "e => e.getBoundingClientRect().top");
            Assert.True(tops.Min() < brandTop + 30, "导航被挤到品牌名称下一行");
            await page.ClickAsync("[data-testid=nav-more] summary");
            await Assertions.Expect(page.GetByTestId("nav-notices")).ToBeVisibleAsync();
            await ShotAsync(page, $"h2-nav-more-{user}-{device}.png");
            await page.ClickAsync("[data-testid=nav-more] summary");
        }
        else
        {
            await page.ClickAsync("label[for=nav-toggle]");
            await Assertions.Expect(page.GetByTestId("nav-logout")).ToBeVisibleAsync();
            await ShotAsync(page, $"h2-nav-open-{user}-{device}.png");
        }

        await page.GotoAsync(new Uri(portal.RootUri, "/dashboard").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("统计");
        await Assertions.Expect(page.Locator("[data-testid=chart-state] svg")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "页面出现横向滚动");
        await ShotAsync(page, $"h2-dashboard-{user}-{device}.png");
    }
}
