using System.Reflection;
using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Cli.Tests.Docs;

/// <summary>
/// docs/rule-reference.md must state every bar the code judges by: change a number in the rule set without changing the
/// document and these tests fail. Each bar must appear on one line (a table row) together with its clause and its
/// comparison in the words the report uses (Threshold.Describe(), e.g. "≥ 60%（含本数）").
/// </summary>
public class RuleReferenceDocTests
{
    private static readonly string Doc = RepositoryFiles.Read("docs", "rule-reference.md");
    private static readonly TechnicalRuleSet Technical = TechnicalConditions2024.Create();
    private static readonly TierRuleSet Tiers = TierConditions2025.Create();

    // How the document names each bar of a TechnicalConditionSet. A new bar property without a name here fails the test.
    private static readonly Dictionary<string, string> BarNames = new()
    {
        [nameof(TechnicalConditionSet.EquipmentNcRate)] = "装备数控化率",
        [nameof(TechnicalConditionSet.KeyProcessNcRate)] = "关键工序数控化率",
        [nameof(TechnicalConditionSet.UploadRate)] = "采集信息上传率",
        [nameof(TechnicalConditionSet.MesModules)] = "MES 功能模块",
        [nameof(TechnicalConditionSet.DiscreteWorkshops)] = "数字化车间数量（离散型）",
        [nameof(TechnicalConditionSet.ProcessOrMixedWorkshops)] = "数字化车间数量（流程型、混合型）",
        [nameof(TechnicalConditionSet.InformationSystems)] = "信息系统建设",
        [nameof(TechnicalConditionSet.SecurityInvestment)] = "信息安全防护投入",
    };

    /// <summary>The lines under the first heading containing <paramref name="title"/>, up to the next heading of the same or a higher level.</summary>
    private static string[] Section(string title)
    {
        static int Level(string line) => line.TakeWhile(c => c == '#').Count();
        var lines = Doc.Split('\n');
        var start = Array.FindIndex(lines, l => Level(l) > 0 && l.Contains(title, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/rule-reference.md 缺少标题含“{title}”的小节");
        var level = Level(lines[start]);
        var end = Array.FindIndex(lines, start + 1, l => Level(l) is > 0 and var n && n <= level);
        return lines[(start + 1)..(end < 0 ? lines.Length : end)];
    }

    private static void AssertRow(string[] section, string where, params string[] parts) =>
        Assert.True(
            section.Any(line => parts.All(p => line.Contains(p, StringComparison.Ordinal))),
            $"{where}：没有同时含有 {string.Join(" / ", parts.Select(p => $"“{p}”"))} 的一行");

    public static TheoryData<RecognitionKind> TechnicalKinds => new() { RecognitionKind.DigitalWorkshop, RecognitionKind.SmartFactory };

    [Theory]
    [MemberData(nameof(TechnicalKinds))]
    public void Doc_EveryTechnicalBar_AppearsWithClauseAndComparison(RecognitionKind kind)
    {
        var set = Technical.For(kind);
        var section = Section(set.Title);
        var bars = typeof(TechnicalConditionSet).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(TechnicalBar))
            .Select(p => (p.Name, Bar: (TechnicalBar?)p.GetValue(set)))
            .Where(x => x.Bar is not null)
            .ToList();

        Assert.NotEmpty(bars);
        foreach (var (property, bar) in bars)
        {
            Assert.True(BarNames.TryGetValue(property, out var name), $"新门槛 {property}：请写入 docs/rule-reference.md 并在 BarNames 中登记其名称");
            // e.g. 2024技术条件 一（一）: 装备数控化率达 60%以上 → "装备数控化率 | 一（一） | ≥ 60%（含本数）".
            Assert.Contains(Numbers.Format(bar!.Threshold.Value), bar.Threshold.Describe(), StringComparison.Ordinal);
            AssertRow(section, $"{set.Title} {property}", name, $"| {bar.Clause.Article} |", bar.Threshold.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(TechnicalKinds))]
    public void Doc_EveryKpiBar_AppearsWithClauseAndComparison(RecognitionKind kind)
    {
        var set = Technical.For(kind);
        var section = Section(set.Title);

        Assert.NotEmpty(set.Kpis);
        foreach (var bar in set.Kpis)
        {
            // e.g. 2024技术条件 一（五）: 运营成本降低 15%以上 → "运营成本降低 | 一（五） | ≥ 15%（含本数）".
            AssertRow(section, $"{set.Title} {bar.Kpi}", $"| {KpiCodes.Name(bar.Kpi)} |", $"| {bar.Clause.Article} |", bar.Threshold.Describe());
        }
    }

    [Fact]
    public void Doc_EveryTier_AppearsWithSceneCountAndMaturity()
    {
        var section = Section(Tiers.Info.Key);

        foreach (var tier in Tiers.Tiers)
        {
            // e.g. 2025要素条件 三: 建设场景数不低于……10个场景，成熟度……二级及以上.
            var maturity = tier.MinimumMaturity is { } level ? MaturityLevels.Label(level) + "及以上" : "—";
            AssertRow(section, tier.Label, $"| {tier.Label} |", tier.SceneThreshold.Describe(), maturity);
        }
    }

    [Fact]
    public void Doc_NamesTheRuleSetsAndKpiSettings()
    {
        var settings = Technical.Kpi;

        Assert.Contains(Technical.Info.Key, Doc, StringComparison.Ordinal);
        Assert.Contains(Tiers.Info.Key, Doc, StringComparison.Ordinal);
        Assert.Contains($"{Numbers.Format(settings.TolerancePercentagePoints)} 个百分点", Doc, StringComparison.Ordinal);
        Assert.Contains($"1 千卡 = {Numbers.Format(settings.KilojoulesPerKilocalorie)} 千焦", Doc, StringComparison.Ordinal);
        Assert.Contains($"{settings.ResultDecimals} 位", Doc, StringComparison.Ordinal);
        Assert.Contains(KpiSettings.RoundingLabel(settings.Rounding), Doc, StringComparison.Ordinal);
        // 管理办法 第八条 公示期 5 天; 第十二条 授牌有效期为五年.
        Assert.Contains($"| 公示期 | {Technical.Procedure.NoticeLength} 天，按自然日计算 |", Doc, StringComparison.Ordinal);
        Assert.Contains($"| 授牌有效期 | {Technical.Procedure.ValidityYears} 年，自授牌之日起计算 |", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_EveryWorkflowTransition_IsARowOfTheStateTable()
    {
        foreach (var t in ApplicationWorkflow.Table)
        {
            // 管理办法 第七条、第八条、第十条、第十二条 as (state, action, role) → state.
            var row = $"| {WorkflowLabels.State(t.From)}（`{t.From}`） | {WorkflowLabels.Action(t.Action)}（`{t.Action}`） | "
                + $"{WorkflowLabels.Role(t.Role)} | {WorkflowLabels.State(t.To)}（`{t.To}`） |";
            Assert.Contains(row, Doc, StringComparison.Ordinal);
        }
        var rows = Doc.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("（`", StringComparison.Ordinal) && l.Count(c => c == '`') == 6);
        Assert.Equal(ApplicationWorkflow.Table.Count, rows);
    }
}
