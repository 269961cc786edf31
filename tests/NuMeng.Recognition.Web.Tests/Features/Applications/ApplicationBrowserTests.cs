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
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Applications;

/// <summary>
/// The enterprise's application in Chromium against the real portal (interactive server form on the .NET 9 script,
/// ADR 0002): sign in through the login form, start, fill with the live check, autosave across a reload, upload the
/// evidence, submit once on a double click, see the hash; a second tab's save is detected; answer a return and
/// resubmit; withdraw. Screenshots at 1280 and 390 px wide in BrowserFixture.ScreenshotDirectory.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicationBrowserTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Regex Saved = new(@"^已保存 \d{2}:\d{2}:\d{2}$");
    private static readonly byte[] Pdf = "%PDF-1.4\n% 演示证明材料\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private PortalFactory Portal => portal;

    [Fact]
    public async Task Workshop_FillWithLiveCheckReloadUploadAndDoubleClickSubmit_OneVersionWithItsHash()
    {
        var page = await browser.NewPageAsync(1280, 900);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "enterprise");

        await page.GotoAsync(Url("/applications"));
        await Assertions.Expect(page.GetByTestId("my-applications")).ToBeVisibleAsync();
        await ShotAsync(page, "apply-list-desktop.png");
        await page.ClickAsync("[data-testid=open-batches] a[data-kind=DigitalWorkshop]");
        await page.FillAsync("#project-name", "奶粉包装数字化车间");
        await ShotAsync(page, "apply-new-desktop.png");
        await page.ClickAsync("[data-testid=start]");
        await page.WaitForURLAsync("**/applications/*/edit");
        var id = Guid.Parse(Regex.Match(page.Url, "applications/([0-9a-f-]{36})/edit").Groups[1].Value);
        await Assertions.Expect(page.GetByTestId("apply-title")).ToHaveTextAsync("2026年第一批数字化车间认定（演示）");
        // Prefilled from the registration.
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("enterprise.creditCode"))).ToHaveValueAsync(DemoSeeder.CreditCodeOf(1));

        // 1 基本信息与资格声明
        await FillAsync(page, "project.address", "内蒙古自治区呼和浩特市金川开发区乳业大道 1 号");
        await FillAsync(page, "project.constructionStart", "2023-03");
        await FillAsync(page, "project.constructionEnd", "2024-10");
        await FillAsync(page, "project.totalInvestmentWan", "5800");
        await FillAsync(page, "project.summary", "对奶粉包装线进行数字化改造，建设 MES 和设备联网平台。");
        foreach (var declaration in new[] { "siteInInnerMongolia", "builtAndInNormalUse", "productsFitIndustrialPolicy", "operatingNormally", "aboveDesignatedSize" })
        {
            await page.SelectOptionAsync("#" + DraftFormState.IdFor($"enterprise.{declaration}"), "true");
        }
        await ShotAsync(page, "apply-step1-desktop.png");

        // 2 技术指标: 21 of 30 is 70 % (bar 60 %), 8 of 10 key processes (bar 70 %), upload 95 % (bar 90 %).
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
        await Assertions.Expect(page.GetByTestId("count-" + DraftFormState.IdFor("technical.mesModules[]"))).ToContainTextAsync("已选 4 项");

        // 3 效益指标, with one declared figure that disagrees with the computed one.
        await page.ClickAsync("[data-testid=step-next]");
        await page.SelectOptionAsync("#" + DraftFormState.IdFor("kpi.baseline"), "renovation");
        await FillAsync(page, "kpi.productionEfficiency.outputBefore", "1852");
        await FillAsync(page, "kpi.productionEfficiency.headcountBefore", "795");
        await FillAsync(page, "kpi.productionEfficiency.outputAfter", "1928");
        await FillAsync(page, "kpi.productionEfficiency.headcountAfter", "648");
        await FillAsync(page, "kpi.productionEfficiency.declared", "21.69");
        await FillAsync(page, "kpi.operatingCost.unitCostBefore", "6836.43");
        await FillAsync(page, "kpi.operatingCost.unitCostAfter", "5354.39");
        await FillAsync(page, "kpi.defectRate.rateBefore", "0.27");
        await FillAsync(page, "kpi.defectRate.rateAfter", "0.21");
        await FillAsync(page, "kpi.energyEfficiency.rateBefore", "74.93");
        await FillAsync(page, "kpi.energyEfficiency.rateAfter", "83.77");

        // The live check flags the declared 21.69 % against the computed 27.72 % (the document's own slip) as 待核实;
        // with the correct figure declared, every bar passes.
        await Assertions.Expect(page.Locator("[data-testid=live-check] li[data-kpi=ProductionEfficiency]")).ToContainTextAsync("27.72%");
        await Assertions.Expect(page.Locator("[data-testid=live-check] li[data-kpi=ProductionEfficiency] .declared-flag")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("live-verdict")).ToHaveClassAsync(new Regex("fail"));
        await ShotAsync(page, "apply-kpi-flag-desktop.png");
        await FillAsync(page, "kpi.productionEfficiency.declared", "27.72");
        await Assertions.Expect(page.Locator("[data-testid=live-check] li[data-kpi=ProductionEfficiency] .declared-ok")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("live-verdict")).ToHaveClassAsync(new Regex("pass"));
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync(Saved, new() { Timeout = 10_000 });
        await ShotAsync(page, "apply-kpi-live-desktop.png");

        // Reload: everything typed is back (autosaved), on the first step and the later ones.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("apply-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("project.constructionEnd"))).ToHaveValueAsync("2024-10");
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("enterprise.operatingNormally"))).ToHaveValueAsync("true");
        await page.ClickAsync("[data-step=technical]");
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("technical.digitalEquipment"))).ToHaveValueAsync("21");
        await Assertions.Expect(page.Locator("input[name='technical.mesModules[]'][value=equipmentOperation]")).ToBeCheckedAsync();
        await page.ClickAsync("[data-step=kpi]");
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("kpi.energyEfficiency.rateAfter"))).ToHaveValueAsync("83.77");
        await Assertions.Expect(page.GetByTestId("live-verdict")).ToHaveClassAsync(new Regex("pass"));

        // 4 证明材料: one PDF per required item.
        await page.ClickAsync("[data-step=evidence]");
        var required = EvidenceItems.For(RecognitionKind.DigitalWorkshop, RuleSetCatalog.Current, ApplicationServiceTests.Complete(ApplicationContent.Empty))
            .Where(i => i.Required).ToList();
        foreach (var item in required)
        {
            await page.Locator($"input[data-upload='{item.Key}']").SetInputFilesAsync(new FilePayload { Name = item.Label + ".pdf", MimeType = "application/pdf", Buffer = Pdf });
            await Assertions.Expect(page.Locator($"li[data-item='{item.Key}'] .evidence-file")).ToHaveCountAsync(1);
        }
        // A file that is not a PDF or image is refused in Chinese, and nothing is listed.
        await page.Locator("input[data-upload='other']").SetInputFilesAsync(new FilePayload { Name = "说明.txt", MimeType = "text/plain", Buffer = "文本"u8.ToArray() });
        await Assertions.Expect(page.Locator("li[data-item='other'] .field-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li[data-item='other'] .evidence-file")).ToHaveCountAsync(0);
        await ShotAsync(page, "apply-evidence-desktop.png");

        // 5 咨询机构与承诺
        await page.ClickAsync("[data-testid=step-next]");
        await FillAsync(page, "commitment.signerName", "张伟");
        await page.CheckAsync("#" + DraftFormState.IdFor("commitment.accepted"));
        // The page follows each change at once, not only when the autosave (1.5 s later) re-renders it.
        await Assertions.Expect(page.Locator("[data-step=commitment] .step-problems")).ToHaveCountAsync(0, new() { Timeout = 1000 });
        await ShotAsync(page, "apply-commitment-desktop.png");

        // 6 提交: nothing blocks; confirm; a double click submits once.
        await page.ClickAsync("[data-testid=step-next]");
        await Assertions.Expect(page.GetByTestId("ready")).ToBeVisibleAsync();
        await ShotAsync(page, "apply-submit-ready-desktop.png");
        await page.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await ShotAsync(page, "apply-submit-confirm-desktop.png");
        await page.DblClickAsync("[data-testid=confirm-submit]");
        var hash = page.GetByTestId("version-hash");
        await Assertions.Expect(hash).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"), new() { Timeout = 15_000 });
        await ShotAsync(page, "apply-submitted-desktop.png");
        var hashText = await hash.TextContentAsync();

        using (var actors = new PortalActors(Portal))
        await using (var db = actors.System())
        {
            var versions = await db.ApplicationVersions.Where(v => v.ApplicationId == id).ToListAsync();
            var version = Assert.Single(versions);
            Assert.Equal(hashText, version.ContentHash);
            Assert.Equal(ApplicationState.Submitted, (await db.Applications.SingleAsync(a => a.Id == id)).State);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "application.submit" && e.EntityId == id.ToString()));
        }

        // The status page shows the one version with its hash.
        await page.GotoAsync(Url($"/applications/{id}"));
        await Assertions.Expect(page.GetByTestId("version")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("detail-state")).ToHaveTextAsync("待盟市初审");
        await Assertions.Expect(page.GetByTestId("version").First).ToContainTextAsync(hashText!);
        await ShotAsync(page, "apply-detail-desktop.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Tier_OnAPhone_ScenesCountLiveGapsAutosaveAndASecondTabIsDetected()
    {
        var page = await browser.NewPageAsync(390, 844);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "enterprise");
        await page.GotoAsync(Url("/applications"));
        await ShotAsync(page, "apply-list-phone.png");
        await page.ClickAsync("[data-testid=open-batches] a[data-kind=TierBasic]");
        await page.FillAsync("#project-name", "奶粉基础级智能工厂");
        await page.ClickAsync("[data-testid=start]");
        await page.WaitForURLAsync("**/applications/*/edit");
        await Assertions.Expect(page.GetByTestId("apply-title")).ToBeVisibleAsync();
        await FillAsync(page, "project.address", "呼和浩特市金川开发区");
        await ShotAsync(page, "apply-step1-phone.png");

        await page.ClickAsync("[data-testid=step-next]");
        // 要素条件 二: 基础级 — at least 生产作业, 5 scenes from its list. Four are not enough; the fifth makes it.
        foreach (var code in new[] { "S20", "S21", "S22", "S23" })
        {
            await page.CheckAsync($"input[name='tier.sceneCodes[]'][value={code}]");
        }
        await page.SelectOptionAsync("#" + DraftFormState.IdFor("tier.maturity"), "planning");
        await Assertions.Expect(page.GetByTestId("scene-total")).ToContainTextAsync("已选 4 个场景");
        await Assertions.Expect(page.Locator("[data-segment=ProductionOperation]")).ToHaveTextAsync("已选 4 个");
        await Assertions.Expect(page.GetByTestId("live-check")).ToContainTextAsync("距申报层级还差");
        await ShotAsync(page, "apply-tier-gap-phone.png");
        await page.CheckAsync("input[name='tier.sceneCodes[]'][value=S24]");
        await Assertions.Expect(page.GetByTestId("scene-total")).ToContainTextAsync("已选 5 个场景");
        await Assertions.Expect(page.GetByTestId("live-check")).Not.ToContainTextAsync("距申报层级还差");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync(Saved, new() { Timeout = 10_000 });
        await ShotAsync(page, "apply-tier-phone.png");

        // Reload: the scenes are still chosen.
        await page.ReloadAsync();
        await page.ClickAsync("[data-step=tier]");
        await Assertions.Expect(page.Locator("input[name='tier.sceneCodes[]'][value=S24]")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("scene-total")).ToContainTextAsync("已选 5 个场景");

        // A second tab saves first; the first tab's next save is refused and it is told to reload — nothing overwritten.
        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(page.Url);
        await Assertions.Expect(second.GetByTestId("apply-title")).ToBeVisibleAsync();
        await FillAsync(second, "project.summary", "第二个窗口填写的简介");
        await Assertions.Expect(second.GetByTestId("save-status")).ToHaveTextAsync(Saved, new() { Timeout = 10_000 });
        await page.ClickAsync("[data-step=basics]");
        await FillAsync(page, "project.summary", "第一个窗口填写的简介");
        await Assertions.Expect(page.GetByTestId("conflict")).ToContainTextAsync("请刷新页面", new() { Timeout = 10_000 });
        await ShotAsync(page, "apply-conflict-phone.png");
        await page.ClickAsync("[data-testid=conflict] button");
        await Assertions.Expect(page.Locator("#" + DraftFormState.IdFor("project.summary"))).ToHaveValueAsync("第二个窗口填写的简介");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task Returned_AnswerEachReasonAndResubmit_ThenWithdrawAfterConfirming(int width, string device)
    {
        var id = await PrepareReturnedAsync($"返回测试车间（{device}）");
        var page = await browser.NewPageAsync(width, width < 500 ? 844 : 900);
        var errors = WatchConsole(page);
        await page.SignInAsync(portal, "enterprise");
        await page.GotoAsync(Url($"/applications/{id}"));
        await Assertions.Expect(page.GetByTestId("detail-state")).ToHaveTextAsync("退回修改");
        await Assertions.Expect(page.GetByTestId("reply")).ToHaveCountAsync(2);

        // Without a reply to every reason the resubmission is refused, naming the reason.
        await page.GetByTestId("reply").First.FillAsync("已在装备清单中补充每台装备的型号和联网方式。");
        await page.ClickAsync("[data-testid=resubmit]");
        await page.ClickAsync("[data-testid=confirm-resubmit]");
        await Assertions.Expect(page.GetByTestId("return-panel").Locator(".field-error")).ToContainTextAsync("请附产量台账");
        await ShotAsync(page, $"apply-return-{device}.png");

        await page.GetByTestId("reply").Nth(1).FillAsync("已上传 2023—2024 年产量台账。");
        await page.ClickAsync("[data-testid=resubmit]");
        await page.ClickAsync("[data-testid=confirm-resubmit]");
        await Assertions.Expect(page.GetByTestId("detail-message")).ToContainTextAsync("已重新提交第 2 版");
        await Assertions.Expect(page.GetByTestId("version")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("detail-state")).ToHaveTextAsync("待盟市初审");

        await page.ClickAsync("[data-testid=withdraw]");
        await Assertions.Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await ShotAsync(page, $"apply-withdraw-confirm-{device}.png");
        await page.ClickAsync("[data-testid=confirm-withdraw]");
        await Assertions.Expect(page.GetByTestId("detail-state")).ToHaveTextAsync("已撤回");
        await Assertions.Expect(page.GetByTestId("withdraw")).ToHaveCountAsync(0);
        await ShotAsync(page, $"apply-withdrawn-{device}.png");
        Assert.Empty(errors);
    }

    /// <summary>A submitted application returned by the bureau with two reasons (prepared through the services, as the bureau would).</summary>
    private async Task<Guid> PrepareReturnedAsync(string name)
    {
        using var actors = new PortalActors(Portal);
        var started = await actors.Drafts("enterprise").StartAsync(DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop), name);
        var id = started.Value!.Id;
        var draft = (await actors.Drafts("enterprise").LoadAsync(id))!;
        var content = ApplicationServiceTests.Complete(draft.Content);
        var stamp = draft.Stamp;
        foreach (var item in EvidenceItems.For(RecognitionKind.DigitalWorkshop, RuleSetCatalog.Current, content).Where(i => i.Required))
        {
            var added = await actors.Evidence("enterprise").AddAsync(id, item.Key, new MemoryStream(Pdf), item.Label + ".pdf", content, stamp);
            Assert.True(added.Succeeded, added.Error + string.Join("；", added.Problems));
            (content, stamp) = (added.Value!.Content, added.Value.Stamp);
        }
        var submitted = await actors.Submission("enterprise").SubmitAsync(id, stamp);
        Assert.True(submitted.Succeeded, submitted.Error + string.Join("；", submitted.Problems));
        await using var db = actors.System();
        var app = await db.Applications.SingleAsync(a => a.Id == id);
        db.BureauReviews.Add(new BureauReview
        {
            ApplicationId = id, ApplicationVersionId = submitted.Value!.VersionId, BureauOrganisationId = WellKnownIds.Bureau("1501"),
            Decision = BureauDecision.Return, OpinionText = "请按以下意见修改后重新提交。", ReviewedByUserId = DemoSeeder.UserId("bureau.reviewer"),
            ItemReasons =
            [
                new BureauReviewItemReason { ItemKey = "technical.digitalEquipment", Reason = "数字化装备清单缺少型号和联网方式" },
                new BureauReviewItemReason { ItemKey = "kpi.productionEfficiency", Reason = "请附产量台账" },
            ],
        });
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.ReturnForRevision, [ActorRole.BureauReviewer]));
        await db.SaveChangesAsync();
        return id;
    }

    private string Url(string path) => new Uri(Portal.RootUri, path).ToString();

    private static Task FillAsync(IPage page, string path, string value) =>
        page.Locator("#" + DraftFormState.IdFor(path)).FillAsync(value);

    /// <summary>A full-page screenshot, and for a tall page also its parts (1400 px each), which are easier to look at.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        var width = page.ViewportSize!.Width;
        for (var (y, part) = (0, 1); height > 2000 && y < height; y += 1400, part++)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.ChangeExtension(path, null) + $"-part{part}.png",
                FullPage = true,
                Clip = new Clip { X = 0, Y = y, Width = width, Height = Math.Min(1400, height - y) },
            });
        }
    }
}
