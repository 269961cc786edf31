using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;
using NuMeng.Recognition.Domain.Versions;

namespace NuMeng.Recognition.Domain.Tests.RuleSets;

/// <summary>管理办法 第十三条: the department "适时调整" the conditions — a new version copies one and changes its figures.</summary>
public class RuleSetFiguresTests
{
    private static readonly TechnicalRuleSet Technical = TechnicalConditions2024.Create();
    private static readonly TierRuleSet Tiers = TierConditions2025.Create();

    [Fact]
    public void Of_Technical_ListsEveryBoundNoticePeriodAndCap()
    {
        var keys = RuleSetFigures.Of(Technical).Select(f => f.Key).ToList();

        Assert.Contains("workshop.equipmentNcRate", keys);
        Assert.Contains("factory.equipmentNcRate", keys);
        Assert.Contains("factory.discreteWorkshops", keys);
        Assert.Contains("factory.kpi.CycleTime", keys);
        Assert.DoesNotContain("workshop.kpi.CycleTime", keys); // 一（五） has no 研发周期 bar.
        Assert.Contains("procedure.noticeLength", keys);
        Assert.Contains("procedure.perLeagueCap", keys);
        Assert.Equal("70", RuleSetFigures.Of(Technical).Single(f => f.Key == "factory.equipmentNcRate").Value); // 二（一）2: 达 70%以上.
    }

    [Theory]
    // key, typed value, the figure read back
    [InlineData("factory.equipmentNcRate", "75", "75")]
    [InlineData("workshop.uploadRate", "92.5", "92.5")]
    [InlineData("factory.kpi.OperatingCost", "18", "18")]
    [InlineData("procedure.noticeLength", "7", "7")]
    [InlineData("procedure.noticeUnit", "WorkingDays", "WorkingDays")]
    [InlineData("procedure.perLeagueCap", "6", "6")]
    [InlineData("procedure.perLeagueCap", "", "")]
    [InlineData("procedure.validityYears", "3", "3")]
    public void Apply_OneFigure_ChangesOnlyThatFigure(string key, string value, string expected)
    {
        var edit = RuleSetFigures.Apply(Technical, Technical.Info with { Version = "2" }, new Dictionary<string, string?> { [key] = value });

        Assert.True(edit.Succeeded, string.Join("；", edit.Errors));
        Assert.Equal(expected, RuleSetFigures.Of(edit.Rules!).Single(f => f.Key == key).Value);
        var changes = RuleSetDiff.Compare(RuleSetJson.Serialize(Technical), RuleSetJson.Serialize(edit.Rules!));
        Assert.Contains(changes, c => c.Path == "info.version");
        Assert.True(changes.Count(c => c.Path != "info.version") <= 1);
    }

    [Theory]
    [InlineData("factory.equipmentNcRate", "101", "百分比不能超过 100")]
    [InlineData("factory.equipmentNcRate", "-1", "不能为负数")]
    [InlineData("factory.equipmentNcRate", "七十", "不是数字")]
    [InlineData("factory.discreteWorkshops", "1.5", "应为整数")]
    [InlineData("procedure.noticeLength", "0", "应在 1 至 1000 之间")]
    [InlineData("procedure.perLeagueCap", "0", "应在 1 至 1000 之间")]
    [InlineData("procedure.noticeUnit", "Weeks", "请选择自然日或工作日")]
    [InlineData("workshop.unknown", "1", "不是可修改的数值")]
    public void Apply_BadFigure_RefusedWithChineseMessage(string key, string value, string message)
    {
        var edit = RuleSetFigures.Apply(Technical, Technical.Info with { Version = "2" }, new Dictionary<string, string?> { [key] = value });

        Assert.False(edit.Succeeded);
        Assert.Null(edit.Rules);
        Assert.Contains(edit.Errors, e => e.Field == key && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_TierSceneCount_ChangesThatTierOnly()
    {
        // 要素条件 三: 先进级 建设场景数不低于 10 个 → 12 in version 2.
        var edit = RuleSetFigures.Apply(Tiers, Tiers.Info with { Version = "2" }, new Dictionary<string, string?> { ["tier.Advanced.minimumScenes"] = "12" });

        Assert.True(edit.Succeeded, string.Join("；", edit.Errors));
        Assert.Equal(12, edit.Rules!.Tier(TierLevel.Advanced).MinimumScenes);
        Assert.Equal(Tiers.Tier(TierLevel.Excellent).MinimumScenes, edit.Rules.Tier(TierLevel.Excellent).MinimumScenes);
        var change = Assert.Single(RuleSetDiff.Compare(RuleSetJson.Serialize(Tiers), RuleSetJson.Serialize(edit.Rules)), c => c.Path != "info.version");
        Assert.Equal("先进级智能工厂 · 建设场景数", change.Label);
        Assert.Equal((Tiers.Tier(TierLevel.Advanced).MinimumScenes.ToString(System.Globalization.CultureInfo.InvariantCulture), "12"), (change.Before, change.After));
    }

    [Fact]
    public void Compare_FactoryBarRaised_NamesTheBarInChinese()
    {
        var v2 = RuleSetFigures.Apply(Technical, Technical.Info with { Version = "2" },
            new Dictionary<string, string?> { ["factory.equipmentNcRate"] = "75", ["factory.kpi.EnergyEfficiency"] = "9" }).Rules!;

        var changes = RuleSetDiff.Compare(RuleSetJson.Serialize(Technical), RuleSetJson.Serialize(v2));

        Assert.Equal("info.version", changes[0].Path); // identity first
        Assert.Equal(("1", "2"), (changes[0].Before, changes[0].After));
        var bar = Assert.Single(changes, c => c.Path == "factory.equipmentNcRate.threshold.value");
        Assert.Equal("智能工厂 · 装备数控化率 · 门槛 · 值", bar.Label);
        Assert.Equal((ChangeKind.Changed, "70", "75"), (bar.Kind, bar.Before, bar.After));
        Assert.Contains(changes, c => c.Label == "智能工厂 · 能源利用率提高 · 门槛 · 值" && c.After == "9");
        Assert.Equal(3, changes.Count);
    }

    [Fact]
    public void Compare_SameVersion_NoChanges() =>
        Assert.Empty(RuleSetDiff.Compare(RuleSetJson.Serialize(Technical), RuleSetJson.Serialize(Technical)));
}
