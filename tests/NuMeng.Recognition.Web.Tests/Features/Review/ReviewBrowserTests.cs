using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// The league/city bureau in Chromium against the real portal, signed in through the login form with the demo accounts:
/// 呼和浩特's reviewer returns the submitted demo application A2 with a reason and its enterprise sees it; the leader
/// recommends a resubmitted application with opinion, ranking and the stamped scan, and it is 盟市已推荐. Screenshots at
/// 1280 and 390 px wide in BrowserFixture.ScreenshotDirectory (review-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewBrowserTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid A2 = DemoSeeder.ApplicationId("A2");

    [Fact]
    public async Task Reviewer_ReturnsA2WithReason_EnterpriseSeesReasonAndNotification()
    {
        var page = await browser.NewPageAsync(1280, 900);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "bureau.reviewer");

        await page.GotoAsync(portal.Url("/review"));
        await Assertions.Expect(page.Locator($"[data-testid=queue-row][data-application='{A2:D}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("count-Submitted")).ToBeVisibleAsync();
        await ShotAsync(page, "review-queue-desktop.png");

        await page.ClickAsync($"[data-testid=queue-row][data-application='{A2:D}'] a");
        await page.WaitForURLAsync($"**/review/{A2:D}");
        await Assertions.Expect(page.GetByTestId("case-title")).ToHaveTextAsync("云谷电子智能工厂");
        await Assertions.Expect(page.GetByTestId("decision-sign")).ToHaveCountAsync(0); // a reviewer cannot sign
        await ShotAsync(page, "review-case-reviewer-desktop.png");

        // Without the confirmation nothing happens; with it, the return goes through once.
        await page.SelectOptionAsync("[data-testid=return-reason-item-0]", "technical.digitalEquipment");
        await page.FillAsync("[data-testid=return-reason-text-0]", "数字化装备清单缺少型号和联网方式，请补充");
        await page.ClickAsync("[data-testid=return-submit]");
        await Assertions.Expect(page.GetByTestId("return-errors")).ToBeVisibleAsync();
        // The page re-rendered with the errors and the PDF frame loads below: wait until it has settled.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.CheckAsync("[data-testid=return-confirm]");
        await page.ClickAsync("[data-testid=return-submit]");
        await page.WaitForURLAsync("**/review/*?done=returned*");
        await Assertions.Expect(page.GetByTestId("review-done")).ToHaveTextAsync("已退回修改，已通知申报企业。");
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("退回修改");
        await Assertions.Expect(page.GetByTestId("decision").First).ToContainTextAsync("数字化装备清单缺少型号和联网方式");
        await ShotAsync(page, "review-case-returned-desktop.png");
        Assert.Empty(errors);

        // The enterprise (A2 is demo enterprise 2's) sees the reason on its application and a notification.
        var enterprise = await browser.NewPageAsync(1280, 900);
        await enterprise.SignInAsync(portal, "enterprise.02");
        await enterprise.GotoAsync(portal.Url($"/applications/{A2:D}"));
        await Assertions.Expect(enterprise.GetByTestId("detail-state")).ToHaveTextAsync("退回修改");
        await Assertions.Expect(enterprise.GetByTestId("return-panel")).ToContainTextAsync("数字化装备清单缺少型号和联网方式，请补充");
        await Assertions.Expect(enterprise.GetByTestId("nav-notifications-count")).ToHaveTextAsync("1");
        await enterprise.GotoAsync(portal.Url("/notifications"));
        await Assertions.Expect(enterprise.GetByTestId("notification").First).ToContainTextAsync("已被呼和浩特市工业和信息化局退回修改");
        await ShotAsync(enterprise, "review-notifications-enterprise-desktop.png");
        await enterprise.ClickAsync("[data-testid=notification-open] >> nth=0");
        await enterprise.WaitForURLAsync($"**/applications/{A2:D}");
        await Assertions.Expect(enterprise.GetByTestId("nav-notifications-count")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Leader_RecommendsWithOpinionRankingAndStampedScan_BureauRecommendedAndLocked()
    {
        var id = await ReviewArrange.ResubmittedWorkshopAsync(portal, "液态奶灌装二号数字化车间");
        var page = await browser.NewPageAsync(1280, 900);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "bureau.leader");

        await page.GotoAsync(portal.Url($"/review/{id:D}"));
        await Assertions.Expect(page.GetByTestId("case-title")).ToHaveTextAsync("液态奶灌装二号数字化车间");
        // The engine's verdict with the declared-versus-computed flag (declared 21.69 %, computed 27.72 %).
        await Assertions.Expect(page.GetByTestId("verdict-headline")).ToContainTextAsync("1 项待核实");
        await Assertions.Expect(page.GetByTestId("verdict-digest")).ToContainTextAsync("生产效率提高申报值核对");
        await page.ClickAsync("[data-testid=verdict-details] > summary");
        await Assertions.Expect(page.Locator(".declared-flag").First).ToBeVisibleAsync();
        // Every file of the version with a preview, the differences from version 1, the earlier return.
        await Assertions.Expect(page.GetByTestId("evidence-file")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("iframe.pdf-frame")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("img.image-preview")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=evidence-file] details:has(iframe) > summary");
        await Assertions.Expect(page.Locator("iframe.pdf-frame")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("version-diff")).ToContainTextAsync("technical.digitalEquipment");
        await Assertions.Expect(page.GetByTestId("decision")).ToContainTextAsync("装备数控化率未达 60%");
        await ShotAsync(page, "review-case-leader-desktop.png");

        // Not NetworkIdle: the opened PDF preview may keep the network busy on a loaded machine; the page itself is static.
        await Assertions.Expect(page.GetByTestId("decision-form")).ToBeVisibleAsync();
        await page.CheckAsync("[data-testid=decision-recommend]");
        await page.FillAsync("[data-testid=decision-opinion]", "经初审，该企业数字化车间建设符合认定技术条件，同意推荐。");
        await page.FillAsync("[data-testid=decision-ranking]", "1");
        await page.SetInputFilesAsync("[data-testid=decision-scan]", new FilePayload
        {
            Name = "初审意见（盖章）.pdf",
            MimeType = "application/pdf",
            Buffer = ReviewArrange.MinimalPdf("Stamped opinion (test)"),
        });
        await page.CheckAsync("[data-testid=decision-confirm]");
        await page.ClickAsync("[data-testid=decision-sign]");
        await page.WaitForURLAsync("**/review/*?done=recommended*");
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("盟市已推荐");
        await Assertions.Expect(page.GetByTestId("decision").First).ToContainTextAsync("本盟市排名第 1 位");
        await Assertions.Expect(page.GetByTestId("decision").First).ToContainTextAsync("签发");
        await Assertions.Expect(page.GetByTestId("decision-form")).ToHaveCountAsync(0);
        await ShotAsync(page, "review-case-recommended-desktop.png");
        Assert.Empty(errors);

        await using var db = portal.SystemContext("初审测试");
        Assert.Equal(ApplicationState.BureauRecommended, (await db.Applications.SingleAsync(a => a.Id == id)).State);
        var review = await db.BureauReviews.SingleAsync(r => r.ApplicationId == id && r.Decision == BureauDecision.Recommend);
        Assert.Equal((DemoSeeder.UserId("bureau.leader"), 1), (review.SignedByLeaderUserId!.Value, review.Ranking!.Value));
        var scan = await db.Attachments.SingleAsync(a => a.Id == review.StampedScanAttachmentId);
        Assert.Equal(("初审意见（盖章）.pdf", BureauSigning.ScanItemKey), (scan.OriginalFileName, scan.ItemKey));
    }

    [Fact]
    public async Task Phone_QueueCaseRenamesAndNotifications_Readable()
    {
        var id = await ReviewArrange.ResubmittedWorkshopAsync(portal, "手机端测试数字化车间");
        var page = await browser.NewPageAsync(390, 844);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "bureau.leader");

        await page.GotoAsync(portal.Url("/review"));
        await Assertions.Expect(page.GetByTestId("queue-table")).ToBeVisibleAsync();
        await ShotAsync(page, "review-queue-phone.png");
        await page.GotoAsync(portal.Url($"/review/{id:D}"));
        await Assertions.Expect(page.GetByTestId("decision-form")).ToBeVisibleAsync();
        await ShotAsync(page, "review-case-phone.png");
        // Nothing wider than the screen: no horizontal scrolling of the page itself.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
            "审核页面在手机宽度下出现横向滚动");
        // 更名: the demo enterprise's waiting request for its recognised A13 (seeded), forwarded with the bureau's opinion.
        await page.GotoAsync(portal.Url("/review/renames"));
        await Assertions.Expect(page.GetByTestId("rename")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("rename-state")).ToHaveTextAsync("待盟市转报");
        await ShotAsync(page, "review-renames-phone.png");
        await page.FillAsync("[data-testid=rename-opinion]", "经核实，企业已完成名称变更登记，同意更名。");
        await page.CheckAsync("[data-testid=rename-confirm]");
        await page.ClickAsync("[data-testid=rename-forward]");
        await page.WaitForURLAsync("**/review/renames?done=forwarded*");
        await Assertions.Expect(page.GetByTestId("rename-state")).ToHaveTextAsync("盟市已转报，待工信厅办理");
        await Assertions.Expect(page.GetByTestId("rename-bureau-opinion")).ToHaveTextAsync("经核实，企业已完成名称变更登记，同意更名。");
        await ShotAsync(page, "review-renames-forwarded-phone.png");
        await page.GotoAsync(portal.Url("/review?kind=TierLeading"));
        await Assertions.Expect(page.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await page.GotoAsync(portal.Url("/notifications"));
        await ShotAsync(page, "review-notifications-phone.png");
        Assert.Empty(errors);
    }
}
