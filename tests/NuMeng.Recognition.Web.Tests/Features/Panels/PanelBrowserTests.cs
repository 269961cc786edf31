using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Panels;

/// <summary>
/// The panel pages in Chromium against the real portal (its own seeded database): the department (password and
/// authenticator code) assigns a replacement on A8 at 1280 px, sees no points while the panel is open, the summary with the
/// batch's rule once it has closed, moves A8 to on-site verification and reads the on-site result; the agency reads the
/// pages at 390 px. Screenshots in BrowserFixture.ScreenshotDirectory (panels-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PanelBrowserTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid A8 = DemoSeeder.ApplicationId("A8");

    [Fact]
    public async Task Department_Desktop_AssignsSeesSummaryOnlyWhenClosedAndMovesToOnSite()
    {
        var page = await browser.NewPageAsync(1280, 900);
        var errors = WatchConsole(page);
        await SignInAsync(page, "dept.staff");

        await page.GotoAsync(portal.Url("/panels"));
        await Assertions.Expect(page.Locator($"[data-testid=panel-row][data-application='{A8:D}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("export-assignments")).ToHaveAttributeAsync("href", "/exports/assignments.xlsx");
        await ShotAsync(page, "panels-board-desktop.png");

        await page.ClickAsync($"[data-testid=panel-row][data-application='{A8:D}'] a");
        await page.WaitForURLAsync($"**/panels/{A8:D}");
        await Assertions.Expect(page.GetByTestId("points-hidden")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=member-row]", new() { HasText = "周丽娟" })).ToContainTextAsync("北疆智能制造咨询有限公司");
        await Assertions.Expect(page.GetByTestId("replacement")).ToContainTextAsync("杨晓红");
        await ShotAsync(page, "panels-a8-open-desktop.png");

        // The replacement suggested for the recused expert, in one click.
        await page.ClickAsync("[data-testid=replacement-assign]");
        await page.WaitForURLAsync("**/panels/*?done=assigned*");
        await Assertions.Expect(page.Locator("[data-testid=member-row]", new() { HasText = "杨晓红" })).ToContainTextAsync("尚未声明");
        await Assertions.Expect(page.GetByTestId("progress-scores").First).ToHaveTextAsync("评分 0/3");

        // The experts declare, score and the leader writes the consensus (the expert desk's pages): the panel closes.
        await CloseA8Async();
        await page.GotoAsync(portal.Url($"/panels/{A8:D}"));
        await Assertions.Expect(page.GetByTestId("aggregate-result")).ToHaveTextAsync("87.33");
        await Assertions.Expect(page.GetByTestId("aggregate-explanation")).ToContainTextAsync("不足5人");
        await Assertions.Expect(page.GetByTestId("consensus")).ToHaveTextAsync("专家组一致认为该企业达到智能工厂认定要求，建议开展现场核查。");
        await Assertions.Expect(page.GetByTestId("score-summary-pdf")).ToHaveAttributeAsync("href", $"/documents/applications/{A8:D}/score-summary.pdf");
        await page.ClickAsync("[data-testid=score-sheet] > summary >> nth=0");
        await ShotAsync(page, "panels-a8-summary-desktop.png");

        // Irreversible: nothing happens without the confirmation.
        await page.ClickAsync("[data-testid=onsite-submit]");
        await Assertions.Expect(page.GetByTestId("panel-error")).ToContainTextAsync("请勾选确认");
        await page.CheckAsync("[data-testid=onsite-confirm]");
        await page.ClickAsync("[data-testid=onsite-submit]");
        await page.WaitForURLAsync("**/panels/*?done=onsite*");
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("现场核查中");

        await OnSiteCheckAsync();
        await page.GotoAsync(portal.Url($"/panels/{A8:D}"));
        await Assertions.Expect(page.GetByTestId("onsite-passed")).ToHaveTextAsync("核查未通过");
        await Assertions.Expect(page.GetByTestId("onsite-items")).ToContainTextAsync("不属实");
        await ShotAsync(page, "panels-a8-onsite-desktop.png");

        await page.GotoAsync(portal.Url("/panels/experts"));
        await Assertions.Expect(page.GetByTestId("pool-row")).ToHaveCountAsync(10);
        await ShotAsync(page, "panels-experts-desktop.png");
        await page.ClickAsync($"[data-testid=pool-row][data-expert='{DemoSeeder.ExpertId(10):D}'] [data-testid=pool-edit]");
        await page.WaitForURLAsync("**/panels/experts?edit=*");
        await Assertions.Expect(page.Locator("#expert-form-h")).ToHaveTextAsync("编辑专家：吴国栋");
        await page.FillAsync("[data-testid=expert-code]", "91150702MA0XXXXXX");
        await page.ClickAsync("[data-testid=expert-save]");
        await Assertions.Expect(page.GetByTestId("error-employerCreditCode")).ToHaveTextAsync("工作单位统一社会信用代码应为 18 位，实为 17 位");
        await Assertions.Expect(page.GetByTestId("expert-code")).ToHaveValueAsync("91150702MA0XXXXXX");
        await ShotAsync(page, "panels-experts-edit-error-desktop.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Agency_Phone_PagesReadable()
    {
        var page = await browser.NewPageAsync(390, 844);
        var errors = WatchConsole(page);
        await SignInAsync(page, "agency");

        foreach (var (path, name) in new[] { ("/panels", "board"), ($"/panels/{A8:D}", "a8"), ("/panels/experts", "experts") })
        {
            await page.GotoAsync(portal.Url(path));
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await ShotAsync(page, $"panels-{name}-phone.png");
            // The first screen as a phone shows it (the full page is too tall to read at a glance).
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"panels-{name}-phone-top.png") });
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
                $"{path} 在手机宽度下出现横向滚动");
        }
        await page.GotoAsync(portal.Url($"/panels/{A8:D}"));
        await page.Locator("[data-testid=members-table]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "panels-a8-members-phone.png") });
        await page.GotoAsync(portal.Url("/panels/experts"));
        // The agency reads the pool; only the department edits it.
        await Assertions.Expect(page.GetByTestId("expert-form")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    private async Task CloseA8Async()
    {
        await using var db = portal.SystemContext("初审测试");
        var rows = await db.ExpertAssignments.Where(x => x.ApplicationId == A8 && !x.Recused).ToListAsync();
        var totals = new Dictionary<Guid, decimal> { [DemoSeeder.ExpertId(1)] = 88m, [DemoSeeder.ExpertId(2)] = 90m };
        foreach (var row in rows)
        {
            row.DeclaredAt ??= DateTimeOffset.UtcNow;
            var total = totals.GetValueOrDefault(row.ExpertId, 84m);
            var sheet = await db.ExpertScores.SingleOrDefaultAsync(s => s.AssignmentId == row.Id);
            if (sheet is null)
            {
                sheet = new ExpertScore { AssignmentId = row.Id };
                db.ExpertScores.Add(sheet);
            }
            sheet.Items =
            [
                new ExpertScoreItem { RubricItemCode = "equipment", Points = 14m, Comment = "装备数控化率 72%，达到要求" },
                new ExpertScoreItem { RubricItemCode = "data-collection", Points = 13m, Comment = "关键设备联网率高" },
                new ExpertScoreItem { RubricItemCode = "process", Points = 18m, Comment = "MES 覆盖计划、质量、设备等模块" },
                new ExpertScoreItem { RubricItemCode = "integration", Points = 17m, Comment = "ERP、MES、WMS、QMS 已集成" },
                new ExpertScoreItem { RubricItemCode = "security", Points = 9m, Comment = "已通过等保二级测评" },
                new ExpertScoreItem { RubricItemCode = "kpi", Points = total - 71m, Comment = "效益指标计算依据充分" },
            ];
            sheet.TotalPoints = total;
            sheet.OverallComment = "总体达到智能工厂认定要求";
            sheet.SubmittedAt = DateTimeOffset.UtcNow;
            if (row.Role == PanelRole.Leader)
            {
                row.ConsensusOpinion = "专家组一致认为该企业达到智能工厂认定要求，建议开展现场核查。";
                row.ConsensusSubmittedAt = DateTimeOffset.UtcNow;
            }
        }
        await db.SaveChangesAsync();
        Assert.Equal(ApplicationState.UnderExpertReview, (await db.Applications.SingleAsync(a => a.Id == A8)).State);
    }

    private async Task OnSiteCheckAsync()
    {
        await using var db = portal.SystemContext("初审测试");
        db.OnSiteChecks.Add(new OnSiteCheck
        {
            ApplicationId = A8,
            PanelName = "第一评审组",
            CheckedOn = new DateOnly(2026, 11, 20),
            LeaderExpertId = DemoSeeder.ExpertId(1),
            Items =
            [
                new OnSiteCheckItem { ItemKey = "mes", Description = "制造执行系统覆盖 5 个模块并实际运行", Confirmed = true, Note = "现场演示计划排产、质量追溯" },
                new OnSiteCheckItem { ItemKey = "network", Description = "关键设备联网并实时监控", Confirmed = false, Note = "气化炉区 3 台设备未接入" },
            ],
            Conclusion = "关键设备联网情况与申报材料不完全一致，建议整改后复核。",
            Passed = false,
            SubmittedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Signs in through the login form, with assertions as patient as navigation.</summary>
    private async Task SignInAsync(IPage page, string user)
    {
        // The machine is shared by several builds: assertions wait as long as navigation does.
        Assertions.SetDefaultExpectTimeout(30_000);
        await page.SignInAsync(portal, user);
    }
}
