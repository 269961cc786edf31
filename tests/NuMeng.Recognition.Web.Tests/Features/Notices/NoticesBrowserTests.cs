using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Notices;

/// <summary>
/// The public notice pages and the objection form in Chromium at 1280 and 390 px (no account), a submission after the
/// period refused, and the department's pages: an objection upheld takes the enterprise off the list
/// (异议成立，取消入选). Screenshots in BrowserFixture.ScreenshotDirectory (notices-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticesBrowserTests(BrowserFixture browser, ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task Public_NoticeAndObjectionForm_SubmitGivesCaseNumber(int width, string device)
    {
        Skip.IfUnavailable(browser);
        portal.Clock.MoveTo(DateTimeOffset.UtcNow);
        var notice = await portal.DemoNoticeAsync();
        var page = await browser.NewPageAsync(width, 900);
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync(portal.Url("/notices"));
        await Assertions.Expect(page.GetByTestId("notice-card").First).ToContainTextAsync("公示中");
        await ShotAsync(page, $"notices-list-{device}.png");

        await page.ClickAsync($"a[href='/notices/{notice.Id:D}']");
        await page.WaitForURLAsync($"**/notices/{notice.Id:D}");
        await Assertions.Expect(page.GetByTestId("notice-entries")).ToContainTextAsync("铜冶炼智能工厂");
        await Assertions.Expect(page.GetByTestId("objection-window")).ToContainTextAsync("二十四时");
        await ShotAsync(page, $"notices-detail-{device}.png");

        await page.ClickAsync("[data-testid=objection-link]");
        await page.WaitForURLAsync("**/objection");
        await Assertions.Expect(page.GetByTestId("objection-form")).ToBeVisibleAsync();
        await ShotAsync(page, $"notices-objection-form-{device}.png");

        // Anonymous first: refused with the reason beside the field.
        await page.SelectOptionAsync("[data-testid=objection-target]", NoticesArrange.A9.ToString("D"));
        await page.FillAsync("[data-testid=objection-name]", "匿名");
        await page.FillAsync("[data-testid=objection-contact]", "13904710000");
        await page.FillAsync("[data-testid=objection-content]", "该企业申报的装备数控化率与实际不符，部分设备未联网。");
        await page.SetInputFilesAsync("[data-testid=objection-scan]", new FilePayload { Name = "异议书.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% signed\n%%EOF\n"u8.ToArray() });
        await page.ClickAsync("[data-testid=objection-submit]");
        await Assertions.Expect(page.GetByTestId("objection-errors")).ToContainTextAsync("不受理匿名异议");
        await ShotAsync(page, $"notices-objection-anonymous-{device}.png");

        await page.FillAsync("[data-testid=objection-name]", device == "phone" ? "王丽华" : "包头市某机械有限公司");
        if (device != "phone")
        {
            await page.CheckAsync("[data-testid=type-unit]");
        }
        await page.SetInputFilesAsync("[data-testid=objection-scan]", new FilePayload { Name = "异议书.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% signed\n%%EOF\n"u8.ToArray() });
        await page.ClickAsync("[data-testid=objection-submit]");
        await Assertions.Expect(page.GetByTestId("case-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^YY-\d{4}-\d{4}$"));
        await ShotAsync(page, $"notices-objection-accepted-{device}.png");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task ObjectionForm_AfterPeriod_MessageAndNoForm(int width, string device)
    {
        Skip.IfUnavailable(browser);
        var notice = await portal.DemoNoticeAsync();
        portal.SetDay(notice.EndsOn.AddDays(1), hour: 9);
        try
        {
            var page = await browser.NewPageAsync(width, 900);
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync(portal.Url($"/notices/{notice.Id:D}/objection"));
            await Assertions.Expect(page.GetByTestId("objection-closed")).ToContainTextAsync("不再受理异议");
            await Assertions.Expect(page.GetByTestId("objection-form")).ToHaveCountAsync(0);
            await ShotAsync(page, $"notices-objection-closed-{device}.png");
            await page.GotoAsync(portal.Url($"/notices/{notice.Id:D}"));
            await Assertions.Expect(page.GetByTestId("notice-state")).ToHaveTextAsync("公示期满");
            await Assertions.Expect(page.GetByTestId("objection-link")).ToHaveCountAsync(0);
            await ShotAsync(page, $"notices-detail-ended-{device}.png");
            await page.Context.CloseAsync();
        }
        finally
        {
            portal.Clock.MoveTo(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task Department_UpholdsObjection_EnterpriseLeavesTheList()
    {
        Skip.IfUnavailable(browser);
        portal.Clock.MoveTo(DateTimeOffset.UtcNow);
        var notice = await portal.DemoNoticeAsync();

        // The public objects (no account).
        var pub = await browser.NewPageAsync(1280, 900);
        pub.SetDefaultTimeout(60_000);
        await pub.GotoAsync(portal.Url($"/notices/{notice.Id:D}/objection"));
        await pub.SelectOptionAsync("[data-testid=objection-target]", NoticesArrange.A9.ToString("D"));
        await pub.FillAsync("[data-testid=objection-name]", "刘国强");
        await pub.FillAsync("[data-testid=objection-contact]", "0476-8123456");
        await pub.FillAsync("[data-testid=objection-content]", "该工厂冶炼车间关键工序数控化率未达到申报数值，请核实。");
        await pub.SetInputFilesAsync("[data-testid=objection-scan]", new FilePayload { Name = "签名异议书.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% signed\n%%EOF\n"u8.ToArray() });
        await pub.ClickAsync("[data-testid=objection-submit]");
        var caseNumber = await pub.GetByTestId("case-number").InnerTextAsync();
        await pub.Context.CloseAsync();

        var page = await browser.NewPageAsync(1280, 900);
        await page.SignInAsync(portal, "dept.staff");
        await page.GotoAsync(portal.Url("/selection"));
        await Assertions.Expect(page.GetByTestId("selection-batches")).ToBeVisibleAsync();
        await ShotAsync(page, "notices-selection-desktop.png");
        await page.GotoAsync(portal.Url($"/selection/{NoticesArrange.Batch:D}"));
        await Assertions.Expect(page.GetByTestId("results-table")).ToContainTextAsync("铜冶炼智能工厂");
        await ShotAsync(page, "notices-selection-batch-desktop.png");

        await page.GotoAsync(portal.Url("/selection/objections"));
        await Assertions.Expect(page.GetByTestId("objection-table")).ToContainTextAsync(caseNumber);
        await ShotAsync(page, "notices-objections-desktop.png");
        await page.ClickAsync($"[data-testid=objection-row]:has-text('{caseNumber}') a");
        await Assertions.Expect(page.GetByTestId("case-identity")).ToContainTextAsync("刘国强");
        await page.FillAsync("[data-testid=verify-notes]", "经调阅现场核查记录并电话询问，关键工序数控化率为 72%，低于申报的 85%。");
        await page.ClickAsync("[data-testid=verify-submit]");
        await Assertions.Expect(page.GetByTestId("case-done")).ToHaveTextAsync("已记录核实情况。");
        await page.CheckAsync("[data-testid=decide-uphold]");
        await page.FillAsync("[data-testid=decide-reasons]", "关键工序数控化率与申报不符，异议成立。");
        await page.ClickAsync("[data-testid=decide-submit]");
        await Assertions.Expect(page.GetByTestId("case-message")).ToBeVisibleAsync();          // the confirmation is required
        await page.CheckAsync("[data-testid=decide-uphold]");
        await page.FillAsync("[data-testid=decide-reasons]", "关键工序数控化率与申报不符，异议成立。");
        await page.CheckAsync("[data-testid=decide-confirm]");
        await page.ClickAsync("[data-testid=decide-submit]");
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("异议成立");
        await Assertions.Expect(page.GetByTestId("case-application-state")).ToHaveTextAsync("异议成立，取消入选");
        await ShotAsync(page, "notices-objection-case-upheld-desktop.png");

        var phone = await browser.Browser!.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
            StorageState = await page.Context.StorageStateAsync(),
        });
        await phone.GotoAsync(page.Url);
        await ShotAsync(phone, "notices-objection-case-phone.png");
        await phone.GotoAsync(portal.Url($"/selection/{NoticesArrange.Batch:D}"));
        await Assertions.Expect(phone.GetByTestId("results-table")).ToContainTextAsync("异议成立，取消入选");
        await ShotAsync(phone, "notices-selection-batch-phone.png");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
