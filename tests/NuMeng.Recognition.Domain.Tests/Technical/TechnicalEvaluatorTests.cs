using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Technical;
using static NuMeng.Recognition.Domain.Tests.Technical.Samples;

namespace NuMeng.Recognition.Domain.Tests.Technical;

public class TechnicalEvaluatorTests
{
    [Fact]
    public void Evaluate_GoodWorkshop_Passes()
    {
        var evaluation = Workshop();

        Assert.True(evaluation.Passed, string.Join("\n", evaluation.Verdict.Failures.Select(f => $"{f.Code}: {f.Explanation}")));
        Assert.Empty(evaluation.InputErrors);
        Assert.Equal(4, evaluation.Kpis.Count);
        Assert.Equal("数字化车间认定技术条件（2024年自治区数字化车间和智能工厂认定技术条件，版本 1）", evaluation.Verdict.Title);
    }

    [Fact]
    public void Evaluate_GoodFactory_Passes()
    {
        var evaluation = Factory();

        Assert.True(evaluation.Passed, string.Join("\n", evaluation.Verdict.Failures.Select(f => $"{f.Code}: {f.Explanation}")));
        Assert.Equal(5, evaluation.Kpis.Count);
    }

    // 一（一）: 装备数控化率达 60%以上 (workshop); 二（一）2: 达 70%以上 (factory). 以上 includes the number.
    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, 18, 30, Outcome.Pass, "60.00%（18 / 30）")]
    [InlineData(RecognitionKind.DigitalWorkshop, 17, 30, Outcome.Fail, "56.67%（17 / 30）")]
    [InlineData(RecognitionKind.DigitalWorkshop, 5999, 10000, Outcome.Fail, "59.99%（5999 / 10000）")]
    [InlineData(RecognitionKind.DigitalWorkshop, 6001, 10000, Outcome.Pass, "60.01%（6001 / 10000）")]
    [InlineData(RecognitionKind.DigitalWorkshop, 11999, 20000, Outcome.Fail, "59.995%（11999 / 20000）")] // never shown as 60.00%
    [InlineData(RecognitionKind.SmartFactory, 21, 30, Outcome.Pass, "70.00%（21 / 30）")]
    [InlineData(RecognitionKind.SmartFactory, 6999, 10000, Outcome.Fail, "69.99%（6999 / 10000）")]
    [InlineData(RecognitionKind.SmartFactory, 7001, 10000, Outcome.Pass, "70.01%（7001 / 10000）")]
    public void Evaluate_EquipmentNcRate_InclusiveBar(RecognitionKind kind, int digital, int total, Outcome expected, string actual)
    {
        var evaluation = kind == RecognitionKind.DigitalWorkshop
            ? Workshop(GoodWorkshop with { DigitalEquipment = digital, EquipmentTotal = total })
            : Factory(GoodFactory with { DigitalEquipment = digital, EquipmentTotal = total });
        var code = kind == RecognitionKind.DigitalWorkshop ? "2024.workshop.equipment-nc-rate" : "2024.factory.equipment-nc-rate";

        var finding = evaluation.Find(code);

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(actual, finding.Actual);
        Assert.Equal(kind == RecognitionKind.DigitalWorkshop ? "≥ 60%（含本数）" : "≥ 70%（含本数）", finding.Required);
    }

    // 一（一）: 关键工序数控化率达 70%以上; 二（一）2: 达 80%以上.
    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, 21, 30, Outcome.Pass)] // exactly 70 % in decimal
    [InlineData(RecognitionKind.DigitalWorkshop, 20, 30, Outcome.Fail)]
    [InlineData(RecognitionKind.DigitalWorkshop, 22, 30, Outcome.Pass)]
    [InlineData(RecognitionKind.DigitalWorkshop, 6999, 10000, Outcome.Fail)]
    [InlineData(RecognitionKind.SmartFactory, 24, 30, Outcome.Pass)]
    [InlineData(RecognitionKind.SmartFactory, 7999, 10000, Outcome.Fail)]
    [InlineData(RecognitionKind.SmartFactory, 8001, 10000, Outcome.Pass)]
    public void Evaluate_KeyProcessNcRate_InclusiveBar(RecognitionKind kind, int digital, int total, Outcome expected)
    {
        var evaluation = kind == RecognitionKind.DigitalWorkshop
            ? Workshop(GoodWorkshop with { DigitalKeyProcesses = digital, KeyProcessTotal = total })
            : Factory(GoodFactory with { DigitalKeyProcesses = digital, KeyProcessTotal = total });
        var prefix = kind == RecognitionKind.DigitalWorkshop ? "2024.workshop" : "2024.factory";

        Assert.Equal(expected, evaluation.Find($"{prefix}.key-process-nc-rate").Outcome);
    }

    [Fact]
    public void Evaluate_KeyProcessTwentyOneOfThirty_ExplainsTheFigures()
    {
        var finding = Workshop(GoodWorkshop with { DigitalKeyProcesses = 21, KeyProcessTotal = 30 }).Find("2024.workshop.key-process-nc-rate");

        Assert.Equal("70.00%（21 / 30）", finding.Actual);
        Assert.Equal("关键工序数控化率 = 实现数控的关键工序数 21 ÷ 关键工序总数 30 = 70.00%，满足“≥ 70%（含本数）”的要求。", finding.Explanation);
        Assert.Equal("《2024年自治区数字化车间和智能工厂认定技术条件》一（一）", finding.Clause.Citation);
    }

    // 一（二）: 采集信息的上传率达到 90% — reaching 90 counts.
    [Theory]
    [InlineData("90", Outcome.Pass)]
    [InlineData("89.99", Outcome.Fail)]
    [InlineData("90.01", Outcome.Pass)]
    public void Evaluate_UploadRate_ReachingNinetyPasses(string rate, Outcome expected)
    {
        var finding = Workshop(GoodWorkshop with { UploadRate = Dec(rate) }).Find("2024.workshop.upload-rate");

        Assert.Equal(expected, finding.Outcome);
    }

    [Theory]
    [InlineData(900, 1000, Outcome.Pass, "90.00%（900 / 1000）")]
    [InlineData(899, 1000, Outcome.Fail, "89.90%（899 / 1000）")]
    public void Evaluate_UploadCounts_AreUsedInsteadOfARate(int uploaded, int collected, Outcome expected, string actual)
    {
        var finding = Workshop(GoodWorkshop with { UploadRate = null, UploadedItems = uploaded, CollectedItems = collected }).Find("2024.workshop.upload-rate");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(actual, finding.Actual);
    }

    [Theory]
    [InlineData("equipment-networked")]
    [InlineData("real-time-monitoring")]
    [InlineData("visual-management")]
    [InlineData("workshop-integration")]
    public void Evaluate_WorkshopYesNoCondition_FailsWhenNotMet(string item)
    {
        // 一（二）: 联网运行…实现设备实时监控; 一（三）: 实现车间可视化管理; 一（四）: 车间信息集成.
        var indicators = item switch
        {
            "equipment-networked" => GoodWorkshop with { EquipmentNetworked = false },
            "real-time-monitoring" => GoodWorkshop with { RealTimeMonitoring = false },
            "visual-management" => GoodWorkshop with { VisualManagement = false },
            _ => GoodWorkshop with { WorkshopIntegration = false },
        };

        var evaluation = Workshop(indicators);

        Assert.Equal(Outcome.Fail, evaluation.Find($"2024.workshop.{item}").Outcome);
        Assert.Single(evaluation.Verdict.Failures);
    }

    // 一（三）/ 二（一）4: MES 至少包含以下功能模块中的 4 种.
    [Theory]
    [InlineData(3, Outcome.Fail)]
    [InlineData(4, Outcome.Pass)]
    [InlineData(6, Outcome.Pass)]
    public void Evaluate_MesModules_AtLeastFour(int count, Outcome expected)
    {
        var modules = MesModules.All.Take(count).ToList();

        var workshop = Workshop(GoodWorkshop with { MesModules = modules }).Find("2024.workshop.mes-modules");
        var factory = Factory(GoodFactory with { MesModules = modules }).Find("2024.factory.mes-modules");

        Assert.Equal(expected, workshop.Outcome);
        Assert.Equal(expected, factory.Outcome);
        Assert.StartsWith($"{count} 种：车间作业计划管理和调度模块、", workshop.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MesModuleListedTwice_CountsOnceAndIsAnInputError()
    {
        var modules = new[] { MesModule.ShopFloorScheduling, MesModule.ShopFloorScheduling, MesModule.ProcessExecution, MesModule.EnergyManagement };

        var evaluation = Workshop(GoodWorkshop with { MesModules = modules });

        var finding = evaluation.Find("2024.workshop.mes-modules");
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("已建成 MES 功能模块 3 种，不满足“≥ 4种（含本数）”的要求，还差 1 种。", finding.Explanation);
        Assert.Contains(evaluation.InputErrors, e => e.Field == "technical.mesModules" && e.Message.Contains("重复", StringComparison.Ordinal));
    }

    // 二（一）5: 信息系统至少包含以下功能系统中的 4 种，并实现有效集成.
    [Theory]
    [InlineData(3, Outcome.Fail)]
    [InlineData(4, Outcome.Pass)]
    [InlineData(7, Outcome.Pass)]
    public void Evaluate_InformationSystems_AtLeastFourOnAFactory(int count, Outcome expected)
    {
        var finding = Factory(GoodFactory with { InformationSystems = InformationSystemKinds.All.Take(count).ToList() }).Find("2024.factory.information-systems");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal("二（一）5", finding.Clause.Article);
    }

    [Fact]
    public void Evaluate_InformationSystemsNotIntegrated_FailsAFactory()
    {
        Assert.Equal(Outcome.Fail, Factory(GoodFactory with { InformationSystemsIntegrated = false }).Find("2024.factory.information-systems-integrated").Outcome);
    }

    // 二（一）1: 离散型制造企业的数字化车间数量不少于 2 个，流程型、混合型制造企业不少于 1 个.
    [Theory]
    [InlineData(ManufacturingType.Discrete, 1, Outcome.Fail)]
    [InlineData(ManufacturingType.Discrete, 2, Outcome.Pass)]
    [InlineData(ManufacturingType.Discrete, 3, Outcome.Pass)]
    [InlineData(ManufacturingType.Process, 0, Outcome.Fail)]
    [InlineData(ManufacturingType.Process, 1, Outcome.Pass)]
    [InlineData(ManufacturingType.Mixed, 0, Outcome.Fail)]
    [InlineData(ManufacturingType.Mixed, 1, Outcome.Pass)]
    public void Evaluate_DigitalWorkshopCount_DependsOnManufacturingType(ManufacturingType type, int count, Outcome expected)
    {
        var finding = Factory(GoodFactory with { ManufacturingType = type, DigitalWorkshopCount = count }).Find("2024.factory.digital-workshops");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal($"{count} 个（{ManufacturingTypes.Label(type)}）", finding.Actual);
        Assert.Equal("二（一）1", finding.Clause.Article);
    }

    [Fact]
    public void Evaluate_FactoryWithoutManufacturingType_NeedsReview()
    {
        var evaluation = Factory(GoodFactory with { ManufacturingType = null });

        var finding = evaluation.Find("2024.factory.digital-workshops");
        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Equal("申报智能工厂须填写制造类型（离散型、流程型或混合型）。", finding.Explanation);
        Assert.False(evaluation.Passed);
    }

    // 二（一）6: 项目应有必要的信息安全防护投入，建成后具备一定的信息安全防护能力.
    [Theory]
    [InlineData("0", Outcome.Fail)]
    [InlineData("0.01", Outcome.Pass)]
    [InlineData("120", Outcome.Pass)]
    public void Evaluate_SecurityInvestment_MustBeAboveZero(string wan, Outcome expected)
    {
        var finding = Factory(GoodFactory with { SecurityInvestmentWan = Dec(wan) }).Find("2024.factory.security-investment");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal("> 0万元（不含本数）", finding.Required);
    }

    [Fact]
    public void Evaluate_SecurityMissingOrNoCapability_DoesNotPass()
    {
        var missing = Factory(GoodFactory with { SecurityInvestmentWan = null });
        var noCapability = Factory(GoodFactory with { SecurityCapability = false });

        Assert.Equal(Outcome.NeedsReview, missing.Find("2024.factory.security-investment").Outcome);
        Assert.Equal(Outcome.Fail, noCapability.Find("2024.factory.security-capability").Outcome);
    }

    [Theory]
    [InlineData("2024.workshop.digital-workshops")]
    [InlineData("2024.workshop.information-systems")]
    [InlineData("2024.workshop.information-systems-integrated")]
    [InlineData("2024.workshop.security-investment")]
    [InlineData("2024.workshop.security-capability")]
    [InlineData("2024.workshop.kpi.cycleTime")]
    public void Evaluate_FactoryOnlyItemsOnAWorkshop_AreNotApplicable(string code)
    {
        // 研发周期, 信息系统, 信息安全 and 车间数量 are in 二 (智能工厂) only.
        var finding = Workshop().Find(code);

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.StartsWith("二（一）", finding.Clause.Article, StringComparison.Ordinal);
        Assert.Equal("该项为智能工厂的认定条件，数字化车间不要求。", finding.Explanation);
    }

    [Fact]
    public void Evaluate_WorkshopIntegrationOnAFactory_IsNotApplicable()
    {
        // 一（四） 车间信息集成 is a workshop condition; the factory's integration is 二（一）5.
        var finding = Factory(GoodFactory with { WorkshopIntegration = false }).Find("2024.factory.workshop-integration");

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.Equal("一（四）", finding.Clause.Article);
    }

    [Fact]
    public void Evaluate_ImpossibleCounts_NeedReviewWithTheInputError()
    {
        var evaluation = Workshop(GoodWorkshop with { DigitalEquipment = 31, EquipmentTotal = 30 });

        var finding = evaluation.Find("2024.workshop.equipment-nc-rate");
        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Equal("数字化装备数量不能大于生产装备总数（30）。", finding.Explanation);
        Assert.Contains(evaluation.InputErrors, e => e.Field == "technical.digitalEquipment");
    }

    [Fact]
    public void Evaluate_TierKind_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TechnicalEvaluator.Evaluate(Rules2024, RecognitionKind.TierAdvanced, GoodWorkshop, GoodKpis));
    }

    [Fact]
    public void Evaluate_SecondRuleSetVersion_ChangesTheVerdictWithoutCodeChange()
    {
        // 管理办法 第十三条: 技术条件由自治区工业和信息化厅发布并适时调整. 19 / 30 = 63.33 % meets 60 % but not 65 %.
        var version2 = Rules2024 with
        {
            Info = Rules2024.Info with { Version = "2" },
            Workshop = Rules2024.Workshop with { EquipmentNcRate = Rules2024.Workshop.EquipmentNcRate with { Threshold = Threshold.AtLeast(65) } },
        };
        var indicators = GoodWorkshop with { DigitalEquipment = 19, EquipmentTotal = 30 };

        var underV1 = Workshop(indicators);
        var underV2 = Workshop(indicators, rules: version2);

        Assert.True(underV1.Passed);
        Assert.False(underV2.Passed);
        Assert.Equal("≥ 65%（含本数）", underV2.Find("2024.workshop.equipment-nc-rate").Required);
        Assert.Equal("NM-2024-TECH@2", underV2.RuleSet.Key);
        Assert.Equal("NM-2024-TECH@1", underV1.RuleSet.Key);
    }

    [Fact]
    public void Evaluate_SecondVersionWithADifferentConversionFactor_UsesIt()
    {
        var boiler = new BoilerFigures(2667929.43m, 3485.4m, 856.9m, [new FuelLine("原煤", 363375.85m, 5771m), new FuelLine("燃料气", 21372.1m, 6600m)]);
        var kpis = GoodKpis with { EnergyEfficiency = new EnergyEfficiencyInput(RateAfter: 83.77m, BoilerBefore: boiler) };
        var standard = Rules2024 with { Kpi = Rules2024.Kpi with { KilojoulesPerKilocalorie = 4.1868m } };

        var energy = Workshop(kpis: kpis, rules: standard).Kpis.Single(k => k.Code == KpiCode.EnergyEfficiency);

        Assert.Contains(energy.Steps, s => s.Label == "实施前能源利用率" && Math.Round(s.Value, 2) == 74.84m);
        Assert.Equal("1 千卡 = 4.1868 千焦", Workshop(kpis: kpis, rules: standard).SettingsUsed[3].Value);
    }
}
