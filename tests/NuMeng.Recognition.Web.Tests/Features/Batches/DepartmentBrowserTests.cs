using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Documents.Xlsx;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// The department's pages in Chromium against the running portal: a batch created (bad dates refused first), opened and
/// entrusted; forwarded applications accepted one by one and as a batch; the rule sets; the calendar and its notice
/// calculator; a scene catalogue imported from the template and activated. Screenshots at 1280 and 390 px (dept-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepartmentBrowserTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Batches_CreateWithBadDatesThenOpenAndEntrust_Desktop()
    {
        var page = await browser.SessionPageAsync(portal, "dept.staff", 1280);
        var errors = WatchConsole(page);

        await page.GotoAsync(portal.Url("/department/batches"));
        Assert.True(await page.GetByTestId("batch-row").CountAsync() >= 8);
        await Assertions.Expect(page.GetByTestId("batches-export")).ToHaveAttributeAsync("href", "/exports/batches.xlsx");
        await ShotAsync(page, "dept-batches-desktop.png");

        await page.ClickAsync("[data-testid=batch-new]");
        await page.WaitForURLAsync("**/department/batches/new");
        await page.FillAsync("[data-testid=b-round]", "2");
        await page.SelectOptionAsync("[data-testid=b-kind]", "TierAdvanced");
        await page.FillAsync("[data-testid=b-title]", "2026年第二批先进级智能工厂认定");
        await page.SelectOptionAsync("[data-testid=b-ruleset]", "NM-2025-TIER@1");
        await page.SelectOptionAsync("[data-testid=b-scenes]", "NM-2025-SCENES@2025-provisional");
        await page.FillAsync("[data-testid=b-open]", "2026-12-01");
        await page.FillAsync("[data-testid=b-close]", "2026-11-30");
        await page.ClickAsync("[data-testid=batch-save]");
        await Assertions.Expect(page.GetByTestId("error-closesOn")).ToHaveTextAsync("申报截止日期不能早于开始日期（2026年12月1日）");
        await ShotAsync(page, "dept-batch-errors-desktop.png");

        await page.FillAsync("[data-testid=b-close]", "2027-01-31");
        await page.FillAsync("[data-testid=b-bureau]", "2027-02-28");
        await page.FillAsync("[data-testid=b-cap]", "3");
        await page.ClickAsync("[data-testid=batch-save]");
        await page.WaitForURLAsync("**/department/batches/*?done=created");
        await Assertions.Expect(page.GetByTestId("batch-state")).ToHaveTextAsync("草稿");

        // Opening needs the confirmation.
        await page.ClickAsync("[data-testid=state-submit]");
        await Assertions.Expect(page.GetByTestId("error-confirm").Or(page.Locator(".confirm.has-error"))).ToBeVisibleAsync();
        await page.CheckAsync("[data-testid=state-confirm]");
        await page.ClickAsync("[data-testid=state-submit]");
        await page.WaitForURLAsync("**?done=opened");
        await Assertions.Expect(page.GetByTestId("batch-state")).ToHaveTextAsync("申报中");

        await page.SelectOptionAsync("[data-testid=entrust-agency]", DemoSeeder.Agency.ToString());
        await page.CheckAsync("[data-testid=entrust-confirm]");
        await page.ClickAsync("[data-testid=entrust-submit]");
        await page.WaitForURLAsync("**?done=entrusted");
        await Assertions.Expect(page.GetByTestId("batch-agency")).ToContainTextAsync("委托）");
        await ShotAsync(page, "dept-batch-detail-desktop.png");

        // A batch with submitted applications: rule set and scene catalogue shown locked, with the reason.
        await page.GotoAsync(portal.Url($"/department/batches/{DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic):D}"));
        await Assertions.Expect(page.GetByTestId("versions-locked")).ToContainTextAsync("不能再更改");
        await ShotAsync(page, "dept-batch-locked-desktop.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Intake_AcceptOneThenTheRestOfTheBatch_Desktop()
    {
        var a7 = DemoSeeder.ApplicationId("A7");
        var page = await browser.SessionPageAsync(portal, "dept.staff", 1280);
        var errors = WatchConsole(page);

        await page.GotoAsync(portal.Url("/department/intake"));
        await Assertions.Expect(page.Locator($"[data-testid=intake-row][data-application='{a7:D}']")).ToBeVisibleAsync();
        await ShotAsync(page, "dept-intake-desktop.png");
        // The same list on a phone while it still holds both forwarded applications.
        var phone = await browser.SessionPageAsync(portal, "dept.staff", 390, 844);
        await phone.GotoAsync(portal.Url("/department/intake"));
        await Assertions.Expect(phone.GetByTestId("intake-row").First).ToBeVisibleAsync();
        await ShotAsync(phone, "dept-intake-rows-phone.png");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "受理页在手机宽度下出现横向滚动");
        await phone.Context.CloseAsync();

        await page.ClickAsync($"[data-testid=intake-row][data-application='{a7:D}'] [data-testid=intake-accept]");
        await Assertions.Expect(page.GetByTestId("accept-panel")).ToBeVisibleAsync();
        await ShotAsync(page, "dept-intake-confirm-desktop.png");
        await page.CheckAsync("[data-testid=accept-confirm]");
        await page.ClickAsync("[data-testid=accept-submit]");
        await page.WaitForURLAsync("**done=accepted*");
        await Assertions.Expect(page.Locator($"[data-testid=intake-row][data-application='{a7:D}']")).ToHaveCountAsync(0);

        // The rest of 2026年第一批基础级 (A4) as a batch: the confirmation says how many.
        var basic = DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic);
        await page.GotoAsync(portal.Url($"/department/intake?acceptBatch={basic:D}"));
        await Assertions.Expect(page.GetByTestId("batch-accept-count")).ToHaveTextAsync("1");
        await page.CheckAsync("[data-testid=batch-accept-confirm]");
        await page.ClickAsync("[data-testid=batch-accept-submit]");
        await page.WaitForURLAsync("**done=batch*");
        await Assertions.Expect(page.GetByTestId("intake-done")).ToHaveTextAsync("已整批受理 1 件申报，已通知申报企业和盟市。");
        await ShotAsync(page, "dept-intake-done-desktop.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task RuleSetsCalendarAndSceneImport_Desktop()
    {
        var page = await browser.SessionPageAsync(portal, "dept.staff", 1280);
        var errors = WatchConsole(page);

        await page.GotoAsync(portal.Url("/department/rulesets"));
        await Assertions.Expect(page.GetByTestId("bars-DigitalWorkshop")).ToContainTextAsync("装备数控化率");
        await Assertions.Expect(page.GetByTestId("tier-row")).ToHaveCountAsync(4);
        await ShotAsync(page, "dept-rulesets-desktop.png");
        // The full page is long: the parts to look at, one screen each.
        await page.Locator("[data-testid=bars-DigitalWorkshop]").ScrollIntoViewIfNeededAsync();
        await ScreenAsync(page, "dept-rulesets-bars-desktop.png");
        await page.Locator("[data-testid=tier-table]").ScrollIntoViewIfNeededAsync();
        await ScreenAsync(page, "dept-rulesets-tiers-desktop.png");

        await page.GotoAsync(portal.Url("/department/calendar?year=2026&published=2026-02-13"));
        await Assertions.Expect(page.GetByTestId("calc-result")).ToContainTextAsync("2026年2月14日至2026年2月24日");
        await ShotAsync(page, "dept-calendar-desktop.png");

        await page.GotoAsync(portal.Url("/department/scenes"));
        await page.FillAsync("[data-testid=import-version]", "2026-browser");
        await page.FillAsync("[data-testid=import-name]", "典型场景参考标准（浏览器测试）");
        await page.FillAsync("[data-testid=import-source]", "测试");
        await page.FillAsync("[data-testid=import-date]", "2026-01-01");
        // A file with a wrong sub-segment first: the error names the row and the column.
        var bad = SceneSpreadsheet.Template(SceneCatalogues.Provisional2025());
        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload { Name = "场景.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = BrokenTemplate() });
        await page.ClickAsync("[data-testid=import-submit]");
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("第 2 行 D 列（子环节）：未知的子环节“车间”");
        await ShotAsync(page, "dept-scenes-errors-desktop.png");

        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload { Name = "场景.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bad });
        await page.ClickAsync("[data-testid=import-submit]");
        await page.WaitForURLAsync("**done=imported*");
        await Assertions.Expect(page.GetByTestId("preview-count")).ToHaveTextAsync("40");
        await Assertions.Expect(page.GetByTestId("preview-state")).ToHaveTextAsync("待启用");
        await ShotAsync(page, "dept-scenes-preview-desktop.png");
        await page.CheckAsync("[data-testid=activate-confirm]");
        await page.ClickAsync("[data-testid=activate-submit]");
        await page.WaitForURLAsync("**done=activated*");
        await Assertions.Expect(page.GetByTestId("preview-state")).ToHaveTextAsync("已启用");
        await ShotAsync(page, "dept-scenes-desktop.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task EveryPage_Phone_NoHorizontalScroll()
    {
        var page = await browser.SessionPageAsync(portal, "dept.staff", 390, 844);
        var errors = WatchConsole(page);
        var pages = new (string Path, string Shot)[]
        {
            ("/department/batches", "dept-batches-phone.png"),
            ("/department/batches/new", "dept-batch-new-phone.png"),
            ($"/department/batches/{DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic):D}", "dept-batch-detail-phone.png"),
            ("/department/intake", "dept-intake-phone.png"),
            ("/department/rulesets", "dept-rulesets-phone.png"),
            ("/department/calendar?year=2026&published=2026-09-30", "dept-calendar-phone.png"),
            ("/department/scenes", "dept-scenes-phone.png"),
        };
        foreach (var (path, shot) in pages)
        {
            await page.GotoAsync(portal.Url(path));
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await ShotAsync(page, shot);
            await ScreenAsync(page, shot.Replace(".png", "-top.png", StringComparison.Ordinal));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{path} 在手机宽度下出现横向滚动");
        }
        Assert.Empty(errors);
    }

    /// <summary>The template with S01's sub-segment changed to a word that is none of the 14.</summary>
    private static byte[] BrokenTemplate()
    {
        var rows = SceneCatalogues.Provisional2025().Scenes
            .Select((s, i) => new[] { s.Code, s.Name, s.NationalSegment, i == 0 ? "车间" : SubSegments.Label(s.SubSegment), "基础级" })
            .ToList();
        var columns = Enumerable.Range(0, 5).Select(i => new XlsxColumn<string[]>(SceneSpreadsheet.Headers[i], r => r[i])).ToList();
        return XlsxWriter.Write(rows, columns, "场景");
    }

    /// <summary>What one screen shows (the full pages are too long to read at once).</summary>
    private static async Task ScreenAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name) });
}
