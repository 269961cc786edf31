using Microsoft.Playwright;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.PreCheck;

/// <summary>The /precheck page driven in Chromium, as a visitor without an account would use it.</summary>
[Collection(BrowserCollection.Name)]
public class PreCheckPageTests(BrowserFixture browser, PortalFactory portal)
{
    private async Task<IPage> OpenAsync(string kind, int width = 1280)
    {
        var page = await browser.NewPageAsync(width);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(portal.RootUri, $"/precheck?kind={kind}").ToString());
        Assert.Empty(errors);
        return page;
    }

    private static async Task FillPassingWorkshopAsync(IPage page, int digitalEquipment)
    {
        await page.SelectOptionAsync("[name='technical.manufacturingType']", "process");
        await page.FillAsync("[name='technical.equipmentTotal']", "30");
        await page.FillAsync("[name='technical.digitalEquipment']", digitalEquipment.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("[name='technical.keyProcessTotal']", "10");
        await page.FillAsync("[name='technical.digitalKeyProcesses']", "7");
        await page.FillAsync("[name='technical.uploadRate']", "90");
        foreach (var name in new[] { "equipmentNetworked", "realTimeMonitoring", "visualManagement", "workshopIntegration" })
        {
            await page.CheckAsync($"[name='technical.{name}']");
        }
        foreach (var module in new[] { "shopFloorScheduling", "processExecution", "qualityAnalysisAndTracking", "equipmentOperation" })
        {
            await page.CheckAsync($"[name='technical.mesModules[]'][value='{module}']");
        }
        await page.FillAsync("[name='kpi.productionEfficiency.outputBefore']", "1852");
        await page.FillAsync("[name='kpi.productionEfficiency.headcountBefore']", "795");
        await page.FillAsync("[name='kpi.productionEfficiency.outputAfter']", "1928");
        await page.FillAsync("[name='kpi.productionEfficiency.headcountAfter']", "648");
        await page.FillAsync("[name='kpi.operatingCost.unitCostBefore']", "6836.43");
        await page.FillAsync("[name='kpi.operatingCost.unitCostAfter']", "5354.39");
        await page.FillAsync("[name='kpi.defectRate.rateBefore']", "0.27");
        await page.FillAsync("[name='kpi.defectRate.rateAfter']", "0.21");
        await page.FillAsync("[name='kpi.energyEfficiency.rateBefore']", "74.93");
        await page.FillAsync("[name='kpi.energyEfficiency.rateAfter']", "83.77");
    }

    [Fact]
    public async Task PreCheck_WorkshopAtTheBars_PassesAndShowsClausesAndKpiSteps()
    {
        var page = await OpenAsync("digitalWorkshop");
        // 18 of 30 is exactly 60 %: "装备数控化率…达 60%以上" includes the number.
        await FillPassingWorkshopAsync(page, digitalEquipment: 18);

        await page.ClickAsync("button[type=submit]");

        var summary = page.GetByTestId("verdict-summary");
        await Assertions.Expect(summary).ToContainTextAsync("符合数字化车间的各项条件");
        var nc = page.Locator("tr[data-code='2024.workshop.equipment-nc-rate']");
        await Assertions.Expect(nc).ToContainTextAsync("60.00%（18 / 30）");
        await Assertions.Expect(nc).ToContainTextAsync("一（一）");
        await Assertions.Expect(page.Locator("[data-kpi='ProductionEfficiency'] .kpi-value")).ToHaveTextAsync("27.72%");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "precheck-pass.png"), FullPage = true });
    }

    [Fact]
    public async Task PreCheck_BelowTheEquipmentBar_FailsAndKeepsWhatWasTyped()
    {
        var page = await OpenAsync("digitalWorkshop");
        await FillPassingWorkshopAsync(page, digitalEquipment: 17);

        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("verdict-summary")).ToContainTextAsync("尚不符合");
        var nc = page.Locator("tr[data-code='2024.workshop.equipment-nc-rate']");
        await Assertions.Expect(nc).ToHaveAttributeAsync("data-outcome", "Fail");
        await Assertions.Expect(nc).ToContainTextAsync("56.67%（17 / 30）");
        await Assertions.Expect(page.Locator("[name='technical.digitalEquipment']")).ToHaveValueAsync("17");
        await Assertions.Expect(page.Locator("[name='technical.mesModules[]'][value='processExecution']")).ToBeCheckedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "precheck-fail.png"), FullPage = true });
    }

    [Fact]
    public async Task PreCheck_MalformedNumbers_ShowsEveryErrorBesideItsField()
    {
        var page = await OpenAsync("digitalWorkshop");
        await page.FillAsync("[name='technical.equipmentTotal']", "三十");
        await page.FillAsync("[name='technical.keyProcessTotal']", "10.5");

        await page.ClickAsync("button[type=submit]");

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("technical.equipmentTotal");
        await Assertions.Expect(summary).ToContainTextAsync("technical.keyProcessTotal");
        await Assertions.Expect(page.Locator("#f-technical-equipmentTotal ~ .field-error")).ToContainTextAsync("应为整数");
        await Assertions.Expect(page.Locator("[name='technical.equipmentTotal']")).ToHaveValueAsync("三十");
        await Assertions.Expect(page.GetByTestId("verdict-summary")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PreCheck_TierOnPhone_NamesTheMissingScenesAndSegment()
    {
        var page = await OpenAsync("tierAdvanced", width: 390);
        foreach (var scene in new[] { "S20", "S22", "S24", "S27", "S08", "S09", "S12" })
        {
            await page.CheckAsync($"[name='tier.sceneCodes[]'][value='{scene}']");
        }
        await page.SelectOptionAsync("[name='tier.maturity']", "standardised");
        await page.FillAsync("[name='tier.maturityScore']", "2.3");
        await page.CheckAsync("[name='tier.hasBasicSelfAssessment']");

        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("verdict-summary")).ToContainTextAsync("尚不符合先进级智能工厂");
        // 2025 要素条件 三: 至少覆盖生产作业、生产管理、运营管理三个环节，场景数不低于 10 个.
        await Assertions.Expect(page.Locator(".tier-summary")).ToContainTextAsync("运营管理");
        await Assertions.Expect(page.Locator("tr[data-code='tier.advanced.scene-count']")).ToContainTextAsync("7");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "precheck-tier-phone.png"), FullPage = true });
    }
}
