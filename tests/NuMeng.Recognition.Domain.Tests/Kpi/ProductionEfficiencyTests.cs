using NuMeng.Recognition.Domain.Kpi;

namespace NuMeng.Recognition.Domain.Tests.Kpi;

public class ProductionEfficiencyTests
{
    // 技术条件 三（1）: 实施后日均产量 1928 吨、648 人；实施前 1852 吨、795 人（按定编计算）.
    private static readonly ProductionEfficiencyInput DocumentExample = new(1852, 795, 1928, 648);

    [Fact]
    public void ProductionEfficiency_DocumentExample_Is27Point72NotThePrinted21Point69()
    {
        var result = KpiCalculator.ProductionEfficiency(DocumentExample, KpiSettings.Default);

        Assert.Empty(result.Errors);
        Assert.Equal(27.72m, result.Rounded);
        Assert.Equal(27.7197824174m, Math.Round(result.Percent!.Value, 10));
        Assert.Equal("27.72%", result.PercentText);
    }

    [Fact]
    public void ProductionEfficiency_DocumentExample_ShowsEveryIntermediateValue()
    {
        var steps = KpiCalculator.ProductionEfficiency(DocumentExample, KpiSettings.Default).Steps;

        Assert.Equal(["实施前人均产量", "实施后人均产量", "人均产量增加", "生产效率提高"], steps.Select(s => s.Label));
        Assert.Equal("1852 ÷ 795", steps[0].Expression);
        Assert.Equal(2.3296m, Math.Round(steps[0].Value, 4)); // the document shows 2.32
        Assert.Equal(2.9753m, Math.Round(steps[1].Value, 4)); // the document shows 2.975
        Assert.Equal(0.6457m, Math.Round(steps[2].Value, 4));
        Assert.Equal("0.6457 ÷ 2.3296 × 100%", steps[3].Expression);
        Assert.Equal("27.7198%", steps[3].ValueText);
    }

    [Fact]
    public void ProductionEfficiency_DeclaredAsTheDocumentPrints_IsFlagged()
    {
        // The document prints 21.69%: the system must say that this disagrees with its own 27.72%.
        var result = KpiCalculator.ProductionEfficiency(DocumentExample with { Declared = 21.69m }, KpiSettings.Default);

        Assert.False(result.DeclaredMatches);
        Assert.Equal("申报值 21.69% 与系统计算值 27.72% 相差 6.03 个百分点，超过允许误差 0.05 个百分点", result.Flag);
        Assert.Equal(-6.03m, Math.Round(result.DeclaredDifference!.Value, 2));
    }

    // Tolerance 0.05 percentage points, inclusive (以内 includes the number). Computed value 27.71978…
    [Theory]
    [InlineData("27.72", true)]
    [InlineData("27.67", true)]  // 0.0498 below
    [InlineData("27.66", false)] // 0.0598 below
    [InlineData("27.76", true)]  // 0.0402 above
    [InlineData("27.78", false)] // 0.0602 above
    public void ProductionEfficiency_DeclaredNearComputed_MatchesWithinTolerance(string declared, bool matches)
    {
        var result = KpiCalculator.ProductionEfficiency(DocumentExample with { Declared = decimal.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) }, KpiSettings.Default);

        Assert.Equal(matches, result.DeclaredMatches);
        Assert.Equal(matches, result.Flag is null);
    }

    [Fact]
    public void ProductionEfficiency_NothingDeclared_HasNoFlag()
    {
        var result = KpiCalculator.ProductionEfficiency(DocumentExample, KpiSettings.Default);

        Assert.Null(result.DeclaredMatches);
        Assert.Null(result.Flag);
    }

    [Fact]
    public void ProductionEfficiency_NewBuild_LabelsTheBeforeFiguresAsIndustryAverage()
    {
        // 一（五）: 新建项目与行业平均水平进行对比.
        var result = KpiCalculator.ProductionEfficiency(DocumentExample, KpiSettings.Default, KpiBaseline.NewBuild);

        Assert.Equal("行业平均人均产量", result.Steps[0].Label);
        Assert.Equal("本项目人均产量", result.Steps[1].Label);
        Assert.Contains("行业平均产量 ÷ 行业平均人数", result.Formula, StringComparison.Ordinal);
        Assert.Equal(27.72m, result.Rounded);
    }

    [Theory]
    [InlineData(1852, 0, 1928, 648, "kpi.productionEfficiency.headcountBefore", "实施前（行业平均）人数必须大于 0（现为 0）：计算人均产量时要除以它。")]
    [InlineData(1852, 795, 1928, 0, "kpi.productionEfficiency.headcountAfter", "实施后（本项目）人数必须大于 0（现为 0）：计算人均产量时要除以它。")]
    [InlineData(0, 795, 1928, 648, "kpi.productionEfficiency.outputBefore", "实施前（行业平均）产量必须大于 0（现为 0）：计算提高比例时要除以它。")]
    [InlineData(1852, 795, -1, 648, "kpi.productionEfficiency.outputAfter", "实施后（本项目）产量不能为负数（现为 -1）。")]
    public void ProductionEfficiency_ZeroDivisorOrNegative_GivesChineseInputErrorNotException(
        int outputBefore, int headsBefore, int outputAfter, int headsAfter, string field, string message)
    {
        var result = KpiCalculator.ProductionEfficiency(new(outputBefore, headsBefore, outputAfter, headsAfter), KpiSettings.Default);

        Assert.False(result.IsComputed);
        Assert.Null(result.Percent);
        Assert.Equal("—", result.PercentText);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ProductionEfficiency_MissingFigure_AsksForIt()
    {
        var result = KpiCalculator.ProductionEfficiency(new(1852, 795, 1928, null), KpiSettings.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kpi.productionEfficiency.headcountAfter", error.Field);
        Assert.Equal("请填写实施后（本项目）人数。", error.Message);
    }
}
