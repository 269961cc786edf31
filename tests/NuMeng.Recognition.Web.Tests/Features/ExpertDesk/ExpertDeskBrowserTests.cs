using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Features.ExpertDesk.ExpertArrange;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.ExpertDesk;

/// <summary>
/// Experts in Chromium against the real portal, signed in through the login form: 李慧敏 declares no conflict on A8,
/// scores and submits (1280 px); 王建国 scores A8 on a phone (390 px); an expert with a conflict declares it and sees no
/// sheet; the on-site checklist on a phone. Screenshots in BrowserFixture.ScreenshotDirectory (expert-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExpertDeskBrowserTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly (string Code, string Points)[] Scores =
        [("equipment", "13"), ("data-collection", "12.5"), ("process", "17"), ("integration", "16"), ("security", "8"), ("kpi", "17")];

    [Fact]
    public async Task Member_DeclaresNoConflictScoresAndSubmits_Desktop()
    {
        var page = await browser.NewPageAsync(1280, 900);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "expert2");

        await page.GotoAsync(portal.Url("/expert"));
        await Assertions.Expect(page.GetByTestId("assignment-state").First).ToHaveTextAsync("待声明");
        await ShotAsync(page, "expert-list-desktop.png");

        await page.ClickAsync($"[data-testid=assignment-row][data-assignment='{Assignment(A8, 2):D}'] a.task-link");
        await page.WaitForURLAsync($"**/expert/assignments/{Assignment(A8, 2):D}");
        await Assertions.Expect(page.GetByTestId("declare-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("application-content")).ToHaveCountAsync(0);
        await ShotAsync(page, "expert-declare-desktop.png");
        await page.CheckAsync("[data-testid=declare-none]");
        await page.CheckAsync("[data-testid=declare-confirm]");
        await page.ClickAsync("[data-testid=declare-submit]");
        await page.WaitForURLAsync("**done=declared*");
        await Assertions.Expect(page.GetByTestId("application-content")).ToContainTextAsync("煤制烯烃智能工厂");
        await Assertions.Expect(page.GetByTestId("panel-hidden")).ToBeVisibleAsync();

        // A low mark without a comment is refused, with the item named.
        await FillAsync(page, Scores);
        await page.FillAsync("[data-testid=score-points-equipment]", "8");
        await page.CheckAsync("[data-testid=score-confirm]");
        await page.ClickAsync("[data-testid=score-submit]");
        await Assertions.Expect(page.GetByTestId("score-errors")).ToContainTextAsync("“装备数字化”得分 8 分，低于满分 15 分的 60%");
        await page.FillAsync("[data-testid=score-comment-equipment]", "部分关键设备未实现数控，现场抽查三台未联网");
        await page.FillAsync("[data-testid=score-overall]", "总体达到智能工厂认定要求，装备数字化有待提升。");
        await ShotAsync(page, "expert-score-desktop.png");
        await page.CheckAsync("[data-testid=score-confirm]");
        await page.ClickAsync("[data-testid=score-submit]");
        await page.WaitForURLAsync("**done=submitted*");
        await Assertions.Expect(page.GetByTestId("score-locked")).ToContainTextAsync("78.5");
        await Assertions.Expect(page.GetByTestId("score-form")).ToHaveCountAsync(0);
        await ShotAsync(page, "expert-submitted-desktop.png");
        Assert.Empty(errors);

        await using var db = portal.SystemContext("初审测试");
        var sheet = await db.ExpertScores.SingleAsync(s => s.AssignmentId == Assignment(A8, 2));
        Assert.Equal(78.5m, sheet.TotalPoints);
        Assert.NotNull(sheet.SubmittedAt);
    }

    [Fact]
    public async Task Leader_ScoresOnAPhone_Submits()
    {
        var page = await browser.NewPageAsync(390, 844);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "expert");

        await page.GotoAsync(portal.Url("/expert"));
        await Assertions.Expect(page.GetByTestId("assignment-list")).ToBeVisibleAsync();
        await ShotAsync(page, "expert-list-phone.png");
        await page.GotoAsync(portal.Url($"/expert/assignments/{Assignment(A8, 1):D}"));
        await Assertions.Expect(page.GetByTestId("score-form")).ToBeVisibleAsync();
        await FillAsync(page, Scores);
        await ShotAsync(page, "expert-score-phone.png");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "评分页在手机宽度下出现横向滚动");
        await page.CheckAsync("[data-testid=score-confirm]");
        await page.ClickAsync("[data-testid=score-submit]");
        await page.WaitForURLAsync("**done=submitted*");
        await Assertions.Expect(page.GetByTestId("score-locked")).ToContainTextAsync("83.5");
        await Assertions.Expect(page.GetByTestId("panel-progress")).ToBeVisibleAsync();
        await ShotAsync(page, "expert-submitted-phone.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ExpertWithConflict_DeclaresIt_NoScoringSheet()
    {
        var id = await ExpertArrange.AssignAsync(portal, "A13", 2, PanelRole.Member, declared: false);
        var page = await browser.NewPageAsync(390, 844);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "expert2");

        await page.GotoAsync(portal.Url($"/expert/assignments/{id:D}"));
        await page.CheckAsync("[data-testid=declare-conflict]");
        await page.CheckAsync("[data-testid=declare-confirm]");
        await page.ClickAsync("[data-testid=declare-submit]");
        await Assertions.Expect(page.GetByTestId("declare-errors")).ToContainTextAsync("请说明冲突情况");
        await page.FillAsync("[data-testid=declare-reason]", "本人近三年曾在该企业兼职技术顾问");
        await page.CheckAsync("[data-testid=declare-conflict]");
        await page.CheckAsync("[data-testid=declare-confirm]");
        await ShotAsync(page, "expert-conflict-phone.png");
        await page.ClickAsync("[data-testid=declare-submit]");
        await page.WaitForURLAsync("**done=recused*");
        await Assertions.Expect(page.GetByTestId("recused")).ToContainTextAsync("本人近三年曾在该企业兼职技术顾问");
        await Assertions.Expect(page.GetByTestId("score-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("application-content")).ToHaveCountAsync(0);
        await ShotAsync(page, "expert-recused-phone.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OnSiteChecklist_Phone_LeaderSavesWithPhotoAndSubmits()
    {
        var id = await ExpertArrange.AssignAsync(portal, "A2", 1, PanelRole.Leader, declared: true, ApplicationState.OnSiteVerification);
        var page = await browser.NewPageAsync(390, 844);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "expert");

        await page.GotoAsync(portal.Url($"/expert/onsite/{id:D}"));
        await Assertions.Expect(page.GetByTestId("onsite-title")).ToHaveTextAsync("智能工厂认定技术条件现场核查表");
        var count = await page.GetByTestId("onsite-item").CountAsync();
        Assert.Equal(17, count);
        await ShotAsync(page, "expert-onsite-phone.png");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "现场核查表在手机宽度下出现横向滚动");
        // Tap targets: the yes/no choices are at least 44 px high.
        var box = await page.Locator("label.tap:has([data-testid=onsite-yes-0])").BoundingBoxAsync();
        Assert.True(box!.Height >= 44, $"“属实”按钮高 {box.Height} px");
        Assert.Equal("image/*", await page.GetAttributeAsync("[data-testid=onsite-photo-0]", "accept"));

        await page.ClickAsync("label.tap:has([data-testid=onsite-yes-0])");
        await page.FillAsync("[data-testid=onsite-note-0]", "现场核对数字化车间 2 个");
        await page.SetInputFilesAsync("[data-testid=onsite-photo-0]", new FilePayload { Name = "车间.png", MimeType = "image/png", Buffer = ReviewArrange.SolidPng(64, 48) });
        await page.ClickAsync("[data-testid=onsite-draft]");
        await page.WaitForURLAsync("**done=draft*");
        await Assertions.Expect(page.GetByTestId("onsite-photos").First).ToBeVisibleAsync();

        for (var i = 0; i < count; i++)
        {
            await page.ClickAsync($"label.tap:has([data-testid=onsite-yes-{i}])");
        }
        await page.FillAsync("[data-testid=onsite-conclusion]", "现场核查情况与申报材料一致。");
        await page.ClickAsync("label.tap:has([data-testid=onsite-passed-yes])");
        await page.CheckAsync("[data-testid=onsite-confirm]");
        await ShotAsync(page, "expert-onsite-filled-phone.png");
        await page.ClickAsync("[data-testid=onsite-submit]");
        await page.WaitForURLAsync("**done=submitted*");
        await Assertions.Expect(page.GetByTestId("onsite-locked")).ToContainTextAsync("通过");
        await ShotAsync(page, "expert-onsite-submitted-phone.png");
        Assert.Empty(errors);

        await using var db = portal.SystemContext("初审测试");
        var check = await db.OnSiteChecks.SingleAsync(c => c.ApplicationId == DemoSeeder.ApplicationId("A2"));
        Assert.Equal((true, 17), (check.Passed!.Value, check.Items.Count));
    }

    private static async Task FillAsync(IPage page, (string Code, string Points)[] scores)
    {
        foreach (var (code, points) in scores)
        {
            await page.FillAsync($"[data-testid=score-points-{code}]", points);
        }
    }
}
