using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Applications;

/// <summary>
/// 我的认定 and 申请更名 in Chromium (管理办法 第四章): the demo enterprise sees its certificate NMDW-2025-0003 with its
/// validity, days left, PDF link and the demo request waiting for its bureau; once that is closed it asks for a renaming
/// (confirmation required, the new credit code checked by the domain); 呼和浩特's reviewer forwards it with an opinion and
/// the enterprise reads the opinion. Another enterprise gets 404 for the certificate, a bureau user is denied the page.
/// Screenshots recognitions-*.png at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecognitionsBrowserTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid A13Certificate = WellKnownIds.For("demo:certificate:NMDW-2025-0003");

    private PortalFactory Portal => portal;

    [Fact]
    public async Task Desktop_CertificateThenRenameRequestForwardedByTheBureau_EnterpriseReadsTheOpinion()
    {
        var page = await SignedInAsync("enterprise", 1280, 900);
        var errors = WatchConsole(page);
        await page.GotoAsync(Url("/recognitions"));
        await Assertions.Expect(page).ToHaveTitleAsync("我的认定 - 数字化车间和智能工厂认定管理平台");
        var row = page.Locator("[data-testid=certificate][data-number='NMDW-2025-0003']");
        await Assertions.Expect(row).ToContainTextAsync("2025年7月20日");
        await Assertions.Expect(row).ToContainTextAsync("2030年7月19日");
        await Assertions.Expect(row.GetByTestId("certificate-status")).ToHaveTextAsync("有效");
        await Assertions.Expect(row.GetByTestId("days-left")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ 天$"));
        await Assertions.Expect(row.GetByTestId("certificate-pdf")).ToHaveAttributeAsync("href", $"/documents/certificates/{A13Certificate:D}/certificate.pdf");
        // The demo's request is still with the bureau: no second one meanwhile.
        await Assertions.Expect(page.GetByTestId("my-rename-state")).ToHaveTextAsync("待盟市转报");
        await Assertions.Expect(row.GetByTestId("request-rename")).ToHaveCountAsync(0);
        await ShotAsync(page, "recognitions-list-desktop.png");

        await CloseSeededRequestAsync();
        await page.ReloadAsync();
        await row.GetByTestId("request-rename").ClickAsync();
        await page.WaitForURLAsync($"**/recognitions/{A13Certificate:D}/rename");
        await Assertions.Expect(page).ToHaveTitleAsync("申请更名 - 数字化车间和智能工厂认定管理平台");
        await page.FillAsync("[data-testid=rename-new-name]", "青城智造酸奶发酵数字化车间");
        await page.FillAsync("[data-testid=rename-new-code]", "91150102MA0A1B2C30"); // wrong check character
        await page.FillAsync("[data-testid=rename-reason]", "企业完成品牌整合，车间随之更名，营业执照已变更。");
        await page.ClickAsync("[data-testid=rename-request-submit]");
        // Without the confirmation nothing is saved; the code's check character is named.
        await Assertions.Expect(page.GetByTestId("rename-errors")).ToContainTextAsync("请勾选确认后再提交");
        await Assertions.Expect(page.GetByTestId("rename-errors")).ToContainTextAsync("校验码");
        await Assertions.Expect(page.GetByTestId("rename-new-name")).ToHaveValueAsync("青城智造酸奶发酵数字化车间");
        await ShotAsync(page, "recognitions-rename-errors-desktop.png");
        await page.FillAsync("[data-testid=rename-new-code]", string.Empty);
        await page.CheckAsync("[data-testid=rename-request-confirm]");
        await page.ClickAsync("[data-testid=rename-request-submit]");
        await page.WaitForURLAsync("**/recognitions?done=requested");
        await Assertions.Expect(page.GetByTestId("recognitions-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("my-rename").First).ToContainTextAsync("青城智造酸奶发酵数字化车间");
        await Assertions.Expect(page.GetByTestId("my-rename-state").First).ToHaveTextAsync("待盟市转报");

        // 呼和浩特's reviewer forwards it with an opinion.
        var bureau = await SignedInAsync("bureau.reviewer", 1280, 900);
        await bureau.GotoAsync(Url("/review/renames"));
        var waiting = bureau.Locator("[data-testid=rename][data-state=Submitted]");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(waiting).ToContainTextAsync("青城智造酸奶发酵数字化车间");
        await waiting.GetByTestId("rename-opinion").FillAsync("经核实，企业已完成名称变更登记，同意更名。");
        await waiting.GetByTestId("rename-confirm").CheckAsync();
        await waiting.GetByTestId("rename-forward").ClickAsync();
        await bureau.WaitForURLAsync("**/review/renames?done=forwarded");
        await ShotAsync(bureau, "recognitions-bureau-forwarded-desktop.png");

        await page.GotoAsync(Url("/recognitions"));
        await Assertions.Expect(page.GetByTestId("my-rename-state").First).ToHaveTextAsync("盟市已转报，待工信厅办理");
        await Assertions.Expect(page.GetByTestId("my-rename-bureau").First).ToContainTextAsync("同意更名");
        await ShotAsync(page, "recognitions-forwarded-desktop.png");
        Assert.Empty(errors);

        using var actors = new PortalActors(Portal);
        await using var db = actors.System();
        var request = await db.RenameRequests.SingleAsync(r => r.CertificateId == A13Certificate && r.State == RenameRequestState.Forwarded);
        Assert.Equal((DemoSeeder.UserId("enterprise"), WellKnownIds.Bureau("1501")), (request.RequestedByUserId!.Value, request.RequestedByBureauId));
    }

    [Fact]
    public async Task Phone_ListAndRenameForm_ReadableWithoutSidewaysScrolling()
    {
        var page = await SignedInAsync("enterprise", 390, 844);
        var errors = WatchConsole(page);
        await page.GotoAsync(Url("/recognitions"));
        await Assertions.Expect(page.GetByTestId("certificates")).ToBeVisibleAsync();
        await ShotAsync(page, "recognitions-list-phone.png");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "我的认定在手机宽度下出现横向滚动");
        // The form as a phone shows it (the demo's request is open, so it says why no new one can be made).
        await page.GotoAsync(Url($"/recognitions/{A13Certificate:D}/rename"));
        await Assertions.Expect(page.GetByTestId("rename-certificate")).ToContainTextAsync("NMDW-2025-0003");
        await ShotAsync(page, "recognitions-rename-phone.png");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "申请更名在手机宽度下出现横向滚动");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OtherEnterpriseAndBureau_CannotOpenTheCertificateOrThePage()
    {
        var other = await SignedInAsync("enterprise2", 1280, 900);
        var response = await other.GotoAsync(Url($"/recognitions/{A13Certificate:D}/rename"));
        Assert.Equal(404, response!.Status);
        await other.GotoAsync(Url("/recognitions"));
        await Assertions.Expect(other.GetByTestId("recognitions-empty")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync("NMDW-2025-0003");

        var bureau = await SignedInAsync("bureau.reviewer", 1280, 900);
        await bureau.GotoAsync(Url("/recognitions"));
        Assert.Contains("/account/access-denied", bureau.Url, StringComparison.Ordinal);
    }

    private async Task CloseSeededRequestAsync()
    {
        using var actors = new PortalActors(Portal);
        await using var db = actors.System();
        var seeded = await db.RenameRequests.SingleAsync(r => r.CertificateId == A13Certificate && r.State == RenameRequestState.Submitted);
        seeded.SeedState(RenameRequestState.DeclinedByBureau);
        seeded.BureauOpinion = "请补充工商变更登记材料后重新申请。";
        await db.SaveChangesAsync();
    }

    private string Url(string path) => new Uri(Portal.RootUri, path).ToString();

    private Task<IPage> SignedInAsync(string user, int width, int height) => browser.SignedInPageAsync(portal, user, width, height);
}
