using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Technical;
using static NuMeng.Recognition.Domain.Tests.Technical.Samples;

namespace NuMeng.Recognition.Domain.Tests.Technical;

public class TechnicalKpiEvaluationTests
{
    // 一（五）: 项目建成后运营成本降低 15%以上 — 15 itself passes.
    [Theory]
    [InlineData("85", Outcome.Pass, "15.00%（系统计算）")]
    [InlineData("85.01", Outcome.Fail, "14.99%（系统计算）")]
    [InlineData("84.99", Outcome.Pass, "15.01%（系统计算）")]
    [InlineData("85.004", Outcome.Fail, "14.996%（系统计算）")] // would round to 15.00 but is below the bar
    public void Evaluate_OperatingCostBar_FifteenPercentInclusive(string after, Outcome expected, string actual)
    {
        var kpis = GoodKpis with { OperatingCost = OperatingCostInput.FromUnitCosts(100m, Dec(after)) };

        var finding = Workshop(kpis: kpis).Find("2024.workshop.kpi.operatingCost");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(actual, finding.Actual);
        Assert.Equal("≥ 15%（含本数）（改造项目，与建设前对比）", finding.Required);
    }

    // 一（五）: 生产效率提高 10%以上.
    [Theory]
    [InlineData("110", Outcome.Pass)]
    [InlineData("109.99", Outcome.Fail)]
    [InlineData("110.01", Outcome.Pass)]
    public void Evaluate_ProductionEfficiencyBar_TenPercentInclusive(string outputAfter, Outcome expected)
    {
        var kpis = GoodKpis with { ProductionEfficiency = new ProductionEfficiencyInput(100, 10, Dec(outputAfter), 10) };

        Assert.Equal(expected, Workshop(kpis: kpis).Find("2024.workshop.kpi.productionEfficiency").Outcome);
    }

    // 一（五）: 产品不良品率降低 10%以上.
    [Theory]
    [InlineData("0.9", Outcome.Pass)]
    [InlineData("0.9001", Outcome.Fail)]
    [InlineData("0.8999", Outcome.Pass)]
    public void Evaluate_DefectRateBar_TenPercentInclusive(string rateAfter, Outcome expected)
    {
        var kpis = GoodKpis with { DefectRate = DefectRateInput.FromRates(1m, Dec(rateAfter)) };

        Assert.Equal(expected, Workshop(kpis: kpis).Find("2024.workshop.kpi.defectRate").Outcome);
    }

    // 一（五）: 能源利用率提高 8%以上.
    [Theory]
    [InlineData("54", Outcome.Pass)]
    [InlineData("53.99", Outcome.Fail)]
    [InlineData("54.01", Outcome.Pass)]
    public void Evaluate_EnergyEfficiencyBar_EightPercentInclusive(string rateAfter, Outcome expected)
    {
        var kpis = GoodKpis with { EnergyEfficiency = new EnergyEfficiencyInput(50m, Dec(rateAfter)) };

        Assert.Equal(expected, Workshop(kpis: kpis).Find("2024.workshop.kpi.energyEfficiency").Outcome);
    }

    // 二（一）7: 产品研发周期降低 10%以上 (智能工厂 only).
    [Theory]
    [InlineData("90", Outcome.Pass)]
    [InlineData("90.01", Outcome.Fail)]
    [InlineData("89.99", Outcome.Pass)]
    public void Evaluate_CycleTimeBarOnAFactory_TenPercentInclusive(string after, Outcome expected)
    {
        var kpis = GoodKpis with { CycleTime = new CycleTimeInput(100, Dec(after)) };

        var finding = Factory(kpis: kpis).Find("2024.factory.kpi.cycleTime");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal("二（一）7", finding.Clause.Article);
    }

    [Fact]
    public void Evaluate_MissingKpi_NeedsReviewNotCrash()
    {
        var evaluation = Factory(kpis: GoodKpis with { CycleTime = null });

        var finding = evaluation.Find("2024.factory.kpi.cycleTime");
        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Equal("未填写产品研发周期缩短的测算数据：请提供基础数值和测算方法（技术条件 三）。", finding.Explanation);
        Assert.False(evaluation.Passed);
        Assert.DoesNotContain(evaluation.Kpis, k => k.Code == KpiCode.CycleTime);
    }

    [Fact]
    public void Evaluate_KpiWithZeroDivisor_NeedsReviewWithTheReason()
    {
        var evaluation = Workshop(kpis: GoodKpis with { ProductionEfficiency = new ProductionEfficiencyInput(100, 10, 120, 0) });

        var finding = evaluation.Find("2024.workshop.kpi.productionEfficiency");
        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Equal("实施后（本项目）人数必须大于 0（现为 0）：计算人均产量时要除以它。", finding.Explanation);
        Assert.Contains(evaluation.InputErrors, e => e.Field == "kpi.productionEfficiency.headcountAfter");
    }

    [Fact]
    public void Evaluate_DeclaredFigureDisagrees_IsAVisibleNeedsReviewFinding()
    {
        // 技术条件 三: 提供本项目综合指标的基础数值，并明确列示可达综合指标的具体测算方法. The document's own
        // example (1928 t / 648 people vs 1852 t / 795 people) declared as 21.69 % computes to 27.72 %.
        var kpis = GoodKpis with { ProductionEfficiency = new ProductionEfficiencyInput(1852, 795, 1928, 648, 21.69m) };

        var evaluation = Workshop(kpis: kpis);

        Assert.Equal(Outcome.Pass, evaluation.Find("2024.workshop.kpi.productionEfficiency").Outcome); // 27.72 % ≥ 10 %
        var flag = Assert.Single(evaluation.DeclarationFlags);
        Assert.Equal("2024.workshop.kpi.productionEfficiency.declared", flag.Code);
        Assert.Equal(Outcome.NeedsReview, flag.Outcome);
        Assert.Equal("三", flag.Clause.Article);
        Assert.Equal("申报 21.69%，系统计算 27.72%", flag.Actual);
        Assert.StartsWith("申报值 21.69% 与系统计算值 27.72% 相差 6.03 个百分点，超过允许误差 0.05 个百分点。", flag.Explanation, StringComparison.Ordinal);
        Assert.False(evaluation.Passed);
    }

    [Fact]
    public void Evaluate_DeclaredFigureWithinTolerance_AddsNoFlag()
    {
        // The document's 运营成本 example: declared 21.67 %, computed 21.68 %.
        var kpis = GoodKpis with { OperatingCost = OperatingCostInput.FromUnitCosts(6836.43m, 5354.39m, 21.67m) };

        var evaluation = Workshop(kpis: kpis);

        Assert.Empty(evaluation.DeclarationFlags);
        Assert.Equal("21.68%（系统计算；企业申报 21.67%）", evaluation.Find("2024.workshop.kpi.operatingCost").Actual);
        Assert.True(evaluation.Passed);
    }

    [Fact]
    public void Evaluate_NewBuild_SaysItIsComparedWithTheIndustryAverage()
    {
        var evaluation = Workshop(kpis: GoodKpis with { Baseline = KpiBaseline.NewBuild });

        var finding = evaluation.Find("2024.workshop.kpi.operatingCost");
        Assert.Equal("≥ 15%（含本数）（新建项目，与行业平均水平对比）", finding.Required);
        Assert.All(evaluation.Kpis, k => Assert.Equal(KpiBaseline.NewBuild, k.Baseline));
    }
}
