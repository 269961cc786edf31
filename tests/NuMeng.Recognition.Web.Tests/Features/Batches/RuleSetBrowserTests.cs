using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// ADR 0009 in Chromium: 工信厅经办人 copies NM-2024-TECH@1, raises the smart-factory 装备数控化率 bar to 75 % and the notice
/// period to 7 days (a bad figure refused first), sees the difference side by side at 1280 px and cannot activate;
/// 工信厅负责人 activates it on a phone (390 px) after the confirmation; the rule-set page then lists both versions.
/// Screenshots rulesets-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RuleSetBrowserTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task CopyChangeCompareActivate_StaffDesktopLeaderPhone()
    {
        var staff = await browser.NewPageAsync(1280, 900);
        var errors = WatchConsole(staff);
        await staff.SignInAsync(portal, "dept.staff");

        await staff.GotoAsync(Url("/department/rulesets"));
        await Assertions.Expect(staff.GetByTestId("ruleset-row")).ToHaveCountAsync(2);
        await staff.Locator("[data-testid=ruleset-row][data-key='NM-2024-TECH@1'] [data-testid=ruleset-copy]").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("draft-panel")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("draft-version")).ToHaveValueAsync("2");
        await staff.FillAsync("[data-testid='figure-factory.equipmentNcRate']", "101");
        await staff.ClickAsync("[data-testid=draft-submit]");
        await Assertions.Expect(staff.GetByTestId("error-factory.equipmentNcRate")).ToContainTextAsync("百分比不能超过 100");
        await ShotAsync(staff, "rulesets-draft-error-desktop.png");

        await staff.FillAsync("[data-testid='figure-factory.equipmentNcRate']", "75");
        await staff.FillAsync("[data-testid='figure-procedure.noticeLength']", "7");
        await staff.FillAsync("[data-testid=draft-name]", "2024年技术条件（2027年修订）");
        await staff.ClickAsync("[data-testid=draft-submit]");
        await staff.WaitForURLAsync("**compare=**");
        await Assertions.Expect(staff.GetByTestId("rulesets-done")).ToContainTextAsync("草稿已保存");
        var bar = staff.Locator("[data-testid=diff-row][data-path='factory.equipmentNcRate.threshold.value']");
        await Assertions.Expect(bar).ToContainTextAsync("智能工厂 · 装备数控化率 · 门槛 · 值");
        await Assertions.Expect(bar.Locator("td").Nth(1)).ToHaveTextAsync("70");
        await Assertions.Expect(bar.Locator("td").Nth(2)).ToHaveTextAsync("75");
        await Assertions.Expect(staff.Locator("[data-testid=diff-row][data-path='procedure.noticeLength']")).ToContainTextAsync("程序规则 · 公示期长度");
        await ShotAsync(staff, "rulesets-diff-desktop.png");
        var compareUrl = staff.Url;

        // 经办人 prepares; only 工信厅负责人 activates.
        await staff.CheckAsync("[data-testid=activate-confirm]");
        await staff.ClickAsync("[data-testid=activate-submit]");
        await Assertions.Expect(staff.GetByTestId("activate-message")).ToHaveTextAsync(RuleSetVersionService.LeaderOnlyMessage);

        var leader = await browser.NewPageAsync(390, 844);
        var leaderErrors = WatchConsole(leader);
        await leader.SignInAsync(portal, "dept.leader");
        await leader.GotoAsync(compareUrl);
        await Assertions.Expect(leader.GetByTestId("diff-row")).ToHaveCountAsync(4); // version, name, the bar, the notice period
        await ShotAsync(leader, "rulesets-diff-phone.png");
        await AssertNoSidewaysScrollAsync(leader, "差异对照");
        await leader.ClickAsync("[data-testid=activate-submit]");
        await Assertions.Expect(leader.Locator("[data-testid=activate-form] .field-error")).ToContainTextAsync("勾选确认");
        await leader.CheckAsync("[data-testid=activate-confirm]");
        await leader.ClickAsync("[data-testid=activate-submit]");
        await leader.WaitForURLAsync("**done=activated**");
        await Assertions.Expect(leader.GetByTestId("rulesets-done")).ToContainTextAsync("已启用");

        await leader.GotoAsync(Url("/department/rulesets"));
        await Assertions.Expect(leader.Locator("[data-testid=ruleset-row][data-key='NM-2024-TECH@2'] [data-testid=ruleset-state]")).ToHaveTextAsync("已启用");
        await Assertions.Expect(leader.Locator("[data-testid=ruleset-row][data-key='NM-2024-TECH@1'] [data-testid=ruleset-state]")).ToHaveTextAsync("已启用");
        // By default the page shows the latest version of each family: version 2's 75 %.
        await Assertions.Expect(leader.Locator("[data-testid=ruleset-technical][data-key='NM-2024-TECH@2'] [data-testid=bars-SmartFactory]")).ToContainTextAsync("75%");
        await ShotAsync(leader, "rulesets-list-phone.png");
        await AssertNoSidewaysScrollAsync(leader, "/department/rulesets");
        await leader.GotoAsync(Url($"/department/rulesets?new={WellKnownIds.For("ruleset:NM-2025-TIER@1"):D}#draft"));
        await Assertions.Expect(leader.GetByTestId("figure-table").First).ToBeVisibleAsync();
        await ShotAsync(leader, "rulesets-draft-phone.png");
        await AssertNoSidewaysScrollAsync(leader, "复制为新版本");

        // The batch form now offers version 2.
        await staff.GotoAsync(Url("/department/batches/new"));
        await Assertions.Expect(staff.Locator("[data-testid=b-ruleset] option[value='NM-2024-TECH@2']")).ToHaveCountAsync(1);
        Assert.Empty(errors);
        Assert.Empty(leaderErrors);
    }

    private string Url(string path) => new Uri(portal.RootUri, path).ToString();

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{what} 出现横向滚动");
}
