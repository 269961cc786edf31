using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Certificates;

/// <summary>
/// The certificate pages in Chromium at 1280 and 390 px (read-only on the shared demo portal): /certificates, a
/// certificate's detail with the revocation form, the other department lists, and the public /verify for a valid and a
/// revoked certificate and a mistyped code. Screenshots h7-*.png in BrowserFixture.ScreenshotDirectory; no page scrolls
/// sideways on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificateBrowserTests(BrowserFixture browser, PortalFactory portal)
{
    private static readonly Guid Certificate1 = WellKnownIds.For("demo:certificate:NMDW-2025-0001");

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task DepartmentPages_Leader_ListDetailAndLists(int width)
    {
        var device = width < 500 ? "phone" : "desktop";
        var page = await browser.NewPageAsync(width, width < 500 ? 844 : 900);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "dept.leader");

        await page.GotoAsync(Url("/certificates"));
        await Assertions.Expect(page.GetByTestId("certificate-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=publication-batch]").First).ToContainTextAsync("铜冶炼智能工厂");
        await Assertions.Expect(page.GetByTestId("export-certificates")).ToBeVisibleAsync();
        await ShotAsync(page, $"h7-certificates-{device}.png");
        await AssertNoSidewaysScrollAsync(page, "/certificates");

        await page.GotoAsync(Url($"/certificates/{Certificate1:D}"));
        await Assertions.Expect(page.GetByTestId("certificate-number")).ToHaveTextAsync("NMDW-2025-0001");
        await Assertions.Expect(page.GetByTestId("certificate-valid-until")).ToHaveTextAsync("2030年7月19日");
        await Assertions.Expect(page.GetByTestId("revoke-form")).ToBeVisibleAsync();
        await ShotAsync(page, $"h7-certificate-detail-{device}.png");
        await AssertNoSidewaysScrollAsync(page, "证书详情");

        await page.GotoAsync(Url($"/certificates/{WellKnownIds.For("demo:certificate:NMDW-2025-0002"):D}"));
        await Assertions.Expect(page.GetByTestId("revocation")).ToContainTextAsync("第十条（四）");
        await ShotAsync(page, $"h7-certificate-revoked-{device}.png");

        foreach (var (path, name) in new[] { ("/certificates/renames", "renames"), ("/certificates/revocations", "revocations"), ("/certificates/expiring", "expiring"), ("/certificates/national", "national") })
        {
            await page.GotoAsync(Url(path));
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await ShotAsync(page, $"h7-{name}-{device}.png");
            await AssertNoSidewaysScrollAsync(page, path);
        }
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Verify_Anonymous_ValidRevokedAndTypo(int width)
    {
        var device = width < 500 ? "phone" : "desktop";
        var page = await browser.NewPageAsync(width, width < 500 ? 844 : 900);
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync(Url("/verify"));
        await page.FillAsync("[data-testid=verify-input]", "NMDW-2025-0001");
        await page.ClickAsync("[data-testid=verify-submit]");
        await Assertions.Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("证书真实有效");
        await Assertions.Expect(page.GetByTestId("verify-workshop")).ToHaveTextAsync("玉米深加工发酵数字化车间");
        await ShotAsync(page, $"h7-verify-valid-{device}.png");
        await AssertNoSidewaysScrollAsync(page, "/verify");

        await page.GotoAsync(Url("/verify?q=NMDW-2025-0002"));
        await Assertions.Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("证书已撤销");
        await Assertions.Expect(page.GetByTestId("verify-revoked")).ToContainTextAsync("2026年6月1日");
        await ShotAsync(page, $"h7-verify-revoked-{device}.png");

        await page.GotoAsync(Url("/verify?code=2222-2222-223"));
        await Assertions.Expect(page.GetByTestId("verify-error")).ToContainTextAsync("校验位不符");
        await Assertions.Expect(page.GetByTestId("verify-input")).ToHaveValueAsync("2222-2222-223");
        await ShotAsync(page, $"h7-verify-typo-{device}.png");
    }

    private string Url(string path) => new Uri(portal.RootUri, path).ToString();

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{what} 出现横向滚动");
}
