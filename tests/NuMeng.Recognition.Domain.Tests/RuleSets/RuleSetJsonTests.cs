using System.Text.Json;
using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tests.Technical;
using NuMeng.Recognition.Domain.Tests.Tiers;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.RuleSets;

/// <summary>
/// ADR 0009: a rule-set version is stored as JSON and read back to judge a batch's applications, so the version read back
/// must judge exactly as the built-in object does (管理办法 第十三条: the department adjusts the conditions; a batch keeps its version).
/// </summary>
public class RuleSetJsonTests
{
    private static readonly TechnicalRuleSet Technical = TechnicalConditions2024.Create();
    private static readonly TierRuleSet Tiers = TierConditions2025.Create();

    [Fact]
    public void Serialize_BuiltInVersions_RoundTripToTheSameText()
    {
        var tech = RuleSetJson.Serialize(Technical);
        var tier = RuleSetJson.Serialize(Tiers);

        Assert.Equal(tech, RuleSetJson.Serialize(RuleSetJson.ReadTechnical(tech)));
        Assert.Equal(tier, RuleSetJson.Serialize(RuleSetJson.ReadTiers(tier)));
        // Data only: computed members (Citation, Key, Label, TotalPoints) are not stored.
        Assert.DoesNotContain("citation", tech, StringComparison.Ordinal);
        Assert.DoesNotContain("totalPoints", tier, StringComparison.Ordinal);
        Assert.Contains("装备数控化率", tech, StringComparison.Ordinal); // Chinese stays readable (no \u escapes).
    }

    private static readonly Dictionary<string, (RecognitionKind Kind, TechnicalIndicators Indicators, KpiInputs Kpis)> Technicals = new()
    {
        // 一（一）: 装备数控化率 ≥ 60%（70% passes）; 二（一）2: ≥ 70%; one figure below each bar; KPIs at and below their bars.
        ["good workshop"] = (RecognitionKind.DigitalWorkshop, Samples.GoodWorkshop, Samples.GoodKpis),
        ["workshop 59%"] = (RecognitionKind.DigitalWorkshop, Samples.GoodWorkshop with { DigitalEquipment = 17 }, Samples.GoodKpis),
        ["workshop upload 89.9%"] = (RecognitionKind.DigitalWorkshop, Samples.GoodWorkshop with { UploadRate = 89.9m }, Samples.GoodKpis),
        ["workshop 3 MES modules"] = (RecognitionKind.DigitalWorkshop, Samples.GoodWorkshop with { MesModules = [MesModule.ShopFloorScheduling, MesModule.ProcessExecution, MesModule.EquipmentOperation] }, Samples.GoodKpis),
        ["good factory"] = (RecognitionKind.SmartFactory, Samples.GoodFactory, Samples.GoodKpis),
        ["factory 72%"] = (RecognitionKind.SmartFactory, Samples.GoodFactory with { DigitalEquipment = 72 }, Samples.GoodKpis),
        ["factory one workshop"] = (RecognitionKind.SmartFactory, Samples.GoodFactory with { DigitalWorkshopCount = 1 }, Samples.GoodKpis),
        ["factory no security"] = (RecognitionKind.SmartFactory, Samples.GoodFactory with { SecurityInvestmentWan = 0m }, Samples.GoodKpis),
        ["factory cost 14%"] = (RecognitionKind.SmartFactory, Samples.GoodFactory, Samples.GoodKpis with { OperatingCost = OperatingCostInput.FromUnitCosts(100m, 86m) }),
    };

    public static TheoryData<string> TechnicalCases => [.. Technicals.Keys];

    [Theory]
    [MemberData(nameof(TechnicalCases))]
    public void ReadTechnical_BuiltInSnapshot_JudgesEveryCaseAsTheBuiltIn(string name)
    {
        var (kind, indicators, kpis) = Technicals[name];
        var stored = RuleSetJson.ReadTechnical(RuleSetJson.Serialize(Technical));

        var expected = TechnicalEvaluator.Evaluate(Technical, kind, indicators, kpis);
        var actual = TechnicalEvaluator.Evaluate(stored, kind, indicators, kpis);

        Assert.True(Same(expected.Verdict, actual.Verdict), name);
    }

    private static readonly List<(TierLevel Tier, string[] Scenes, MaturityLevel? Maturity)> TierInputs =
    [
        // 要素条件 二 to 五: scene counts, coverage and maturity at and below each tier's bars.
        (TierLevel.Basic, TierScenarios.Spread(1), MaturityLevel.Planning),
        (TierLevel.Basic, [], MaturityLevel.Planning),
        (TierLevel.Advanced, TierScenarios.Spread(8), MaturityLevel.Standardised),
        (TierLevel.Advanced, TierScenarios.Pick(po: 8), MaturityLevel.Standardised),
        (TierLevel.Excellent, TierScenarios.Spread(15), MaturityLevel.Integrated),
        (TierLevel.Excellent, TierScenarios.Spread(15), MaturityLevel.Standardised),
        (TierLevel.Leading, TierScenarios.Spread(25), MaturityLevel.Optimised),
        (TierLevel.Leading, TierScenarios.Spread(30), null),
    ];

    public static TheoryData<int> TierCases => [.. Enumerable.Range(0, TierInputs.Count)];

    [Theory]
    [MemberData(nameof(TierCases))]
    public void ReadTiers_BuiltInSnapshot_JudgesEveryCaseAsTheBuiltIn(int index)
    {
        var (tier, scenes, maturity) = TierInputs[index];
        var stored = RuleSetJson.ReadTiers(RuleSetJson.Serialize(Tiers));
        var input = TierScenarios.Input(scenes, maturity);

        var expected = TierEvaluator.Evaluate(Tiers, TierScenarios.Catalogue, tier, input);
        var actual = TierEvaluator.Evaluate(stored, TierScenarios.Catalogue, tier, input);

        Assert.True(Same(expected.Verdict, actual.Verdict));
    }

    [Fact]
    public void ReadTechnical_ChangedBar_JudgesByTheStoredFigure()
    {
        // A version 2 whose 智能工厂 装备数控化率 bar is 75 % (二（一）2 says 70 %): 72 % passes version 1, fails version 2.
        var v2 = RuleSetFigures.Apply(Technical, Technical.Info with { Version = "2" },
            new Dictionary<string, string?> { ["factory.equipmentNcRate"] = "75" }).Rules!;
        var stored = RuleSetJson.ReadTechnical(RuleSetJson.Serialize(v2));
        var indicators = Samples.GoodFactory with { DigitalEquipment = 72 };

        Assert.Equal(Outcome.Pass, Samples.Factory(indicators).Find("2024.factory.equipment-nc-rate").Outcome);
        var finding = Samples.Factory(indicators, rules: stored).Find("2024.factory.equipment-nc-rate");
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Contains("75", finding.Required, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"info":{}}""")]
    [InlineData("not json")]
    public void ReadTechnical_NotARuleSet_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => RuleSetJson.ReadTechnical(json));

    private static bool Same(Verdict a, Verdict b) =>
        a.Passed == b.Passed && JsonSerializer.Serialize(a.Findings) == JsonSerializer.Serialize(b.Findings);
}
