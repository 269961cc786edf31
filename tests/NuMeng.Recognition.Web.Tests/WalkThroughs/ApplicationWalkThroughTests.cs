using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Applications.Form;
using NuMeng.Recognition.Web.Tests.Features.Account;
using NuMeng.Recognition.Web.Tests.Features.Applications;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.WalkThroughs;

/// <summary>
/// The application walk-through, as one flow in Chromium against the running portal, every step through the pages a
/// person uses: an enterprise registers with a fresh 统一社会信用代码 of 呼和浩特市 (盟市 derived and confirmed), starts an application in
/// the open 2026 数字化车间 batch, fills it until the live check passes (autosave survives a reload), uploads the evidence
/// and submits (hash shown); 呼和浩特's reviewer returns it with a reason; the enterprise replies and resubmits; the
/// reviewer prepares the recommendation and the leader signs it with opinion, ranking and the stamped scan → 盟市已推荐.
/// 包头's reviewer cannot open it by URL. Screenshots application-walk-*.png in BrowserFixture.ScreenshotDirectory.
/// A portal of its own (a class fixture): the walk's registrations and rankings touch nobody else's counts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicationWalkThroughTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Regex Saved = new(@"^已保存 \d{2}:\d{2}:\d{2}$");
    private static readonly byte[] Pdf = "%PDF-1.4\n% 演示证明材料\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    // A new account's password: the demo password is refused for new accounts (the product's own words, CommonPasswordValidator).
    private const string NewAccountPassword = "Qingcheng#Ruye-47";

    private PortalFactory Portal => portal;

    [Fact]
    public async Task Walk_RegisterSubmitReturnResubmitRecommend_ForwardedAndOtherLeagueRefused()
    {
        // ---- The enterprise registers (呼和浩特市新城区 150102 → 1501) ----
        var serial = RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = AccountTestData.CreditCodeIn("150102", serial);
        var userName = "e2e." + serial;
        var page = await browser.NewPageAsync(1280, 900);
        var errors = WatchConsole(page);
        await page.GotoAsync(Url("/account/register"));
        await page.FillAsync("#reg-CompanyName", "青城端到端乳品有限公司");
        await page.FillAsync("#reg-CreditCode", code);
        await page.SelectOptionAsync("#reg-LegalStatus", "IndependentLegalPerson");
        await page.FillAsync("#reg-Industry", "乳制品制造");
        await page.SelectOptionAsync("#reg-ManufacturingType", "Process");
        await page.FillAsync("#reg-ContactName", "王芳");
        await page.FillAsync("#reg-ContactPhone", "0471-1234567");
        await page.FillAsync("#reg-UserName", userName);
        await page.FillAsync("#reg-Password", NewAccountPassword);
        await page.FillAsync("#reg-ConfirmPassword", NewAccountPassword);
        await page.ClickAsync("main button[type=submit]");
        // The 盟市 is derived from characters 3–8 and shown for confirmation; the passwords are not sent back.
        await Assertions.Expect(page.GetByTestId("league-confirm")).ToContainTextAsync("呼和浩特市");
        await ShotAsync(page, "application-walk-01-register-confirm.png");
        await page.FillAsync("#reg-Password", NewAccountPassword);
        await page.FillAsync("#reg-ConfirmPassword", NewAccountPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/workspace**", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("workspace-who")).ToContainTextAsync("青城端到端乳品有限公司");

        // ---- Start an application in the open batch ----
        await page.GotoAsync(Url("/applications"));
        await page.ClickAsync("[data-testid=open-batches] a[data-kind=DigitalWorkshop]");
        await page.FillAsync("#project-name", "端到端液态奶数字化车间");
        await page.ClickAsync("[data-testid=start]");
        await page.WaitForURLAsync("**/applications/*/edit");
        var id = Guid.Parse(Regex.Match(page.Url, "applications/([0-9a-f-]{36})/edit").Groups[1].Value);
        await Assertions.Expect(page.GetByTestId("apply-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("enterprise.creditCode"))).ToHaveValueAsync(code);

        await FillAsync(page, "project.address", "内蒙古自治区呼和浩特市新城区乳业路 8 号");
        await FillAsync(page, "project.constructionStart", "2023-03");
        await FillAsync(page, "project.constructionEnd", "2024-10");
        // A month field is drawn in the browser's locale; the Chinese reading beside it is what counts.
        await Assertions.Expect(page.GetByTestId("reading-" + DraftFormState.IdFor("project.constructionEnd"))).ToHaveTextAsync("即 2024年10月");
        // The interactive page (no prerendering) still sets its title.
        await Assertions.Expect(page).ToHaveTitleAsync("填写申报 - 数字化车间和智能工厂认定管理平台");
        await FillAsync(page, "project.totalInvestmentWan", "4200");
        await FillAsync(page, "project.summary", "液态奶灌装线数字化改造，建设 MES 与设备联网平台。");
        foreach (var declaration in new[] { "siteInInnerMongolia", "builtAndInNormalUse", "productsFitIndustrialPolicy", "operatingNormally", "aboveDesignatedSize" })
        {
            await page.SelectOptionAsync("#" + DraftFormState.IdFor($"enterprise.{declaration}"), "true");
        }
        await page.ClickAsync("[data-testid=step-next]");
        await FillAsync(page, "technical.equipmentTotal", "30");
        await FillAsync(page, "technical.digitalEquipment", "21");
        await FillAsync(page, "technical.keyProcessTotal", "10");
        await FillAsync(page, "technical.digitalKeyProcesses", "8");
        await FillAsync(page, "technical.uploadRate", "95");
        foreach (var check in new[] { "equipmentNetworked", "realTimeMonitoring", "visualManagement", "workshopIntegration" })
        {
            await page.CheckAsync("#" + DraftFormState.IdFor($"technical.{check}"));
        }
        foreach (var module in new[] { "shopFloorScheduling", "processExecution", "qualityAnalysisAndTracking", "equipmentOperation" })
        {
            await page.CheckAsync($"input[name='technical.mesModules[]'][value={module}]");
        }
        await page.ClickAsync("[data-testid=step-next]");
        await page.SelectOptionAsync("#" + DraftFormState.IdFor("kpi.baseline"), "renovation");
        await FillAsync(page, "kpi.productionEfficiency.outputBefore", "1852");
        await FillAsync(page, "kpi.productionEfficiency.headcountBefore", "795");
        await FillAsync(page, "kpi.productionEfficiency.outputAfter", "1928");
        await FillAsync(page, "kpi.productionEfficiency.headcountAfter", "648");
        await FillAsync(page, "kpi.productionEfficiency.declared", "27.72");
        await FillAsync(page, "kpi.operatingCost.unitCostBefore", "6836.43");
        await FillAsync(page, "kpi.operatingCost.unitCostAfter", "5354.39");
        await FillAsync(page, "kpi.defectRate.rateBefore", "0.27");
        await FillAsync(page, "kpi.defectRate.rateAfter", "0.21");
        await FillAsync(page, "kpi.energyEfficiency.rateBefore", "74.93");
        await FillAsync(page, "kpi.energyEfficiency.rateAfter", "83.77");
        // The live check (the pre-check's engine) marks the application as passing.
        await Assertions.Expect(page.GetByTestId("live-verdict")).ToHaveClassAsync(new Regex("pass"));
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync(Saved, new() { Timeout = 15_000 });
        await ShotAsync(page, "application-walk-02-live-check-passing.png");

        // Autosave survives a reload (also proved in ApplicationBrowserTests for every step).
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("apply-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("project.totalInvestmentWan"))).ToHaveValueAsync("4200");
        await Assertions.Expect(page.GetByTestId("live-verdict")).ToHaveClassAsync(new Regex("pass"));

        await page.ClickAsync("[data-step=evidence]");
        var required = EvidenceItems.For(RecognitionKind.DigitalWorkshop, RuleSetCatalog.Current, ApplicationServiceTests.Complete(ApplicationContent.Empty))
            .Where(i => i.Required).ToList();
        foreach (var item in required)
        {
            await page.Locator($"input[data-upload='{item.Key}']").SetInputFilesAsync(new FilePayload { Name = item.Label + ".pdf", MimeType = "application/pdf", Buffer = Pdf });
            await Assertions.Expect(page.Locator($"li[data-item='{item.Key}'] .evidence-file")).ToHaveCountAsync(1);
        }
        await page.ClickAsync("[data-testid=step-next]");
        await FillAsync(page, "commitment.signerName", "王芳");
        await page.CheckAsync("#" + DraftFormState.IdFor("commitment.accepted"));
        await page.ClickAsync("[data-testid=step-next]");
        await Assertions.Expect(page.GetByTestId("ready")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=submit]");
        await page.ClickAsync("[data-testid=confirm-submit]");
        await Assertions.Expect(page.GetByTestId("version-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"), new() { Timeout = 20_000 });
        await ShotAsync(page, "application-walk-03-submitted-hash.png");
        Assert.Empty(errors);

        // ---- 呼和浩特's reviewer returns it with a reason ----
        var reviewer = await SignedInAsync("bureau.reviewer");
        await reviewer.GotoAsync(Url("/review"));
        await Assertions.Expect(reviewer.Locator($"[data-testid=queue-row][data-application='{id:D}']")).ToBeVisibleAsync();
        await reviewer.GotoAsync(Url($"/review/{id:D}"));
        await Assertions.Expect(reviewer.GetByTestId("case-title")).ToHaveTextAsync("端到端液态奶数字化车间");
        await reviewer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await reviewer.SelectOptionAsync("[data-testid=return-reason-item-0]", "technical.digitalEquipment");
        await reviewer.FillAsync("[data-testid=return-reason-text-0]", "请在装备清单中注明每台数字化装备的型号和联网方式");
        await reviewer.CheckAsync("[data-testid=return-confirm]");
        await reviewer.ClickAsync("[data-testid=return-submit]");
        await reviewer.WaitForURLAsync("**/review/*?done=returned*");
        await Assertions.Expect(reviewer.GetByTestId("case-state")).ToHaveTextAsync("退回修改");
        await ShotAsync(reviewer, "application-walk-04-bureau-returned.png");

        // ---- Another 盟市's reviewer cannot open it by URL ----
        var other = await SignedInAsync("bureau2.reviewer");
        var refused = await other.GotoAsync(Url($"/review/{id:D}"));
        Assert.Contains(refused!.Status, new[] { 403, 404 });
        await ShotAsync(other, "application-walk-05-other-league-refused.png");
        var otherQueue = await other.GotoAsync(Url("/review"));
        Assert.Equal(200, otherQueue!.Status);
        await Assertions.Expect(other.Locator($"[data-testid=queue-row][data-application='{id:D}']")).ToHaveCountAsync(0);

        // ---- The enterprise answers the reason and resubmits ----
        await page.GotoAsync(Url($"/applications/{id:D}"));
        await Assertions.Expect(page.GetByTestId("detail-state")).ToHaveTextAsync("退回修改");
        await Assertions.Expect(page.GetByTestId("return-panel")).ToContainTextAsync("型号和联网方式");
        await Assertions.Expect(page).ToHaveTitleAsync("申报详情 - 数字化车间和智能工厂认定管理平台");
        await page.GetByTestId("reply").First.FillAsync("已在装备清单中补充 21 台数字化装备的型号与联网方式。");
        await page.ClickAsync("[data-testid=resubmit]");
        await page.ClickAsync("[data-testid=confirm-resubmit]");
        await Assertions.Expect(page.GetByTestId("detail-message")).ToContainTextAsync("已重新提交第 2 版");
        await Assertions.Expect(page.GetByTestId("detail-state")).ToHaveTextAsync("待盟市初审");
        await Assertions.Expect(page.GetByTestId("version")).ToHaveCountAsync(2);
        await ShotAsync(page, "application-walk-06-resubmitted.png");

        // ---- The reviewer prepares the recommendation; the leader signs it ----
        await reviewer.GotoAsync(Url($"/review/{id:D}"));
        await Assertions.Expect(reviewer.GetByTestId("case-state")).ToHaveTextAsync("待盟市初审");
        await reviewer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await reviewer.CheckAsync("[data-testid=decision-recommend]");
        await reviewer.FillAsync("[data-testid=decision-opinion]", "经初审，该车间符合数字化车间认定条件，同意推荐。");
        await reviewer.FillAsync("[data-testid=decision-ranking]", "1");
        await reviewer.ClickAsync("[data-testid=decision-prepare]");
        await reviewer.WaitForURLAsync("**/review/*?done=prepared*");
        await ShotAsync(reviewer, "application-walk-07-recommendation-prepared.png");

        var leader = await SignedInAsync("bureau.leader");
        await leader.GotoAsync(Url($"/review/{id:D}"));
        await Assertions.Expect(leader.GetByTestId("draft-note")).ToContainTextAsync("请审核后签发");
        await leader.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(leader.GetByTestId("decision-opinion")).ToHaveValueAsync("经初审，该车间符合数字化车间认定条件，同意推荐。");
        await Assertions.Expect(leader.GetByTestId("decision-ranking")).ToHaveValueAsync("1");
        await leader.SetInputFilesAsync("[data-testid=decision-scan]", new FilePayload
        {
            Name = "初审推荐意见（盖章）.pdf",
            MimeType = "application/pdf",
            Buffer = ReviewArrange.MinimalPdf("Stamped opinion (end to end)"),
        });
        await leader.CheckAsync("[data-testid=decision-confirm]");
        await leader.ClickAsync("[data-testid=decision-sign]");
        await leader.WaitForURLAsync("**/review/*?done=recommended*");
        await Assertions.Expect(leader.GetByTestId("case-state")).ToHaveTextAsync("盟市已推荐");
        await Assertions.Expect(leader.GetByTestId("decision").First).ToContainTextAsync("本盟市排名第 1 位");
        await ShotAsync(leader, "application-walk-08-leader-signed-forwarded.png");

        // The enterprise sees it forwarded.
        await page.GotoAsync(Url($"/applications/{id:D}"));
        await Assertions.Expect(page.GetByTestId("detail-state")).ToHaveTextAsync("盟市已推荐");
        // Its history holds the audit entries of its application: what, when and which kind of actor.
        var history = page.GetByTestId("history");
        await Assertions.Expect(history).ToContainTextAsync("盟市负责人签发初审意见");
        await Assertions.Expect(history).ToContainTextAsync("答复退回意见并重新提交（第 2 版）");
        await Assertions.Expect(history).ToContainTextAsync("上传证明材料（" + required.Count + " 次）");
        await Assertions.Expect(history.GetByTestId("history-actor").First).ToHaveTextAsync("盟市工信局");
        await ShotAsync(page, "application-walk-09-enterprise-sees-recommended.png");
        Assert.Empty(errors);

        // What the pages did is what the database holds.
        using var actors = new PortalActors(Portal);
        await using var db = actors.System();
        var app = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal((ApplicationState.BureauRecommended, "1501", 2), (app.State, app.LeagueCode, app.LatestVersionNumber));
        var signed = await db.BureauReviews.SingleAsync(r => r.ApplicationId == id && r.Decision == BureauDecision.Recommend);
        Assert.Equal((DemoSeeder.UserId("bureau.leader"), 1), (signed.SignedByLeaderUserId!.Value, signed.Ranking!.Value));
        Assert.NotNull(signed.StampedScanAttachmentId);
        var actions = await db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Contains("application.submit", actions);
    }

    private string Url(string path) => new Uri(Portal.RootUri, path).ToString();

    private Task<IPage> SignedInAsync(string user) => browser.SignedInPageAsync(portal, user);

    private static Task FillAsync(IPage page, string path, string value) =>
        page.Locator("#" + DraftFormState.IdFor(path)).FillAsync(value);
}
