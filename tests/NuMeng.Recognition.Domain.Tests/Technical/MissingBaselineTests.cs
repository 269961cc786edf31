using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using static NuMeng.Recognition.Domain.Tests.Technical.Samples;

namespace NuMeng.Recognition.Domain.Tests.Technical;

/// <summary>
/// 技术条件 一（五）、二（一）7 ("改造项目与建设前进行对比；新建项目与行业平均水平进行对比"): KPI bars are judged only once the
/// baseline is chosen; without it each KPI is 待核实 and the input error names kpi.baseline — never a guessed 改造项目.
/// </summary>
public class MissingBaselineTests
{
    [Theory]
    [InlineData("2024.workshop.kpi.productionEfficiency")]
    [InlineData("2024.workshop.kpi.operatingCost")]
    [InlineData("2024.workshop.kpi.defectRate")]
    [InlineData("2024.workshop.kpi.energyEfficiency")]
    public void Evaluate_KpisWithoutBaseline_EachNeedsReviewAndNamesTheField(string code)
    {
        var evaluation = Workshop(kpis: GoodKpis with { Baseline = null });

        var finding = evaluation.Find(code);
        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Equal(KpiBaselines.MissingMessage, finding.Explanation);
        Assert.EndsWith("（改造项目与建设前对比，新建项目与行业平均水平对比）", finding.Required, StringComparison.Ordinal);
        Assert.Contains(evaluation.InputErrors, e => e.Field == "kpi.baseline");
        Assert.False(evaluation.Passed);
    }

    [Theory]
    [InlineData(KpiBaseline.Renovation, Outcome.Pass, "≥ 15%（含本数）（改造项目，与建设前对比）")]
    [InlineData(KpiBaseline.NewBuild, Outcome.Pass, "≥ 15%（含本数）（新建项目，与行业平均水平对比）")]
    [InlineData(null, Outcome.NeedsReview, "≥ 15%（含本数）（改造项目与建设前对比，新建项目与行业平均水平对比）")]
    public void Evaluate_OperatingCostBar_JudgedOnlyWithAChosenBaseline(KpiBaseline? baseline, Outcome expected, string required)
    {
        var finding = Workshop(kpis: GoodKpis with { Baseline = baseline }).Find("2024.workshop.kpi.operatingCost");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(required, finding.Required);
    }

    [Fact]
    public void Evaluate_NoKpisAndNoBaseline_NoBaselineErrorAndNeutralRequirement()
    {
        var evaluation = Workshop(kpis: new KpiInputs());

        Assert.DoesNotContain(evaluation.InputErrors, e => e.Field == "kpi.baseline");
        var finding = evaluation.Find("2024.workshop.kpi.operatingCost");
        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Equal("≥ 15%（含本数）（改造项目与建设前对比，新建项目与行业平均水平对比）", finding.Required);
    }
}
