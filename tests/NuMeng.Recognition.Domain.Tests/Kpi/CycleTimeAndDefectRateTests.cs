using NuMeng.Recognition.Domain.Kpi;

namespace NuMeng.Recognition.Domain.Tests.Kpi;

public class CycleTimeAndDefectRateTests
{
    [Fact]
    public void CycleTime_DocumentExample_Is33Point33()
    {
        // 技术条件 三（3）: 将升级周期由 90 天，缩短至 60 天 … = 33.3%.
        var result = KpiCalculator.CycleTime(new CycleTimeInput(90, 60, Declared: 33.3m), KpiSettings.Default);

        Assert.Equal(33.33m, result.Rounded);
        Assert.True(result.DeclaredMatches); // 33.3 is 0.033 points away
        Assert.Equal("90 − 60", result.Steps[0].Expression);
        Assert.Equal("30天", result.Steps[0].ValueText);
    }

    [Fact]
    public void CycleTime_ZeroBefore_GivesInputError()
    {
        var result = KpiCalculator.CycleTime(new CycleTimeInput(0, 60), KpiSettings.Default);

        Assert.Equal("kpi.cycleTime.before", Assert.Single(result.Errors).Field);
        Assert.Null(result.Percent);
    }

    [Fact]
    public void DefectRate_DocumentRates_Are22Point22()
    {
        // 技术条件 三（4）: 聚烯烃不良品率由实施前的 0.27%，降低至实施后的 0.21%，产品不良率降低 22.22%.
        var result = KpiCalculator.DefectRate(DefectRateInput.FromRates(0.27m, 0.21m, declared: 22.22m), KpiSettings.Default);

        Assert.Equal(22.22m, result.Rounded);
        Assert.True(result.DeclaredMatches);
    }

    [Fact]
    public void DefectRate_DocumentSampleCounts_Are23Point53()
    {
        // 表 2: 双聚样品总数 1466，合格 1462（4 个不合格）; 表 3: 1917，合格 1913（4 个不合格）.
        var result = KpiCalculator.DefectRate(DefectRateInput.FromCounts(4, 1466, 4, 1917), KpiSettings.Default);

        Assert.Equal(23.53m, result.Rounded);
        Assert.Equal("4 ÷ 1466 × 100%", result.Steps[0].Expression);
        Assert.Equal(0.2729m, Math.Round(result.Steps[0].Value, 4));
        Assert.Equal(0.2087m, Math.Round(result.Steps[1].Value, 4));
        Assert.Equal(Math.Round(45100m / 1917m, 20), Math.Round(result.Percent!.Value, 20)); // (1917 − 1466) ÷ 1917 × 100
    }

    [Fact]
    public void DefectRate_CountsDeclaredAsTheDocumentPrints_IsFlagged()
    {
        var result = KpiCalculator.DefectRate(DefectRateInput.FromCounts(4, 1466, 4, 1917, declared: 22.22m), KpiSettings.Default);

        Assert.Equal("申报值 22.22% 与系统计算值 23.53% 相差 1.31 个百分点，超过允许误差 0.05 个百分点", result.Flag);
    }

    [Theory]
    [InlineData(5, 4, 1, 10, "kpi.defectRate.defectiveBefore", "实施前不合格样品数不能大于实施前样品总数（4）。")]
    [InlineData(0, 1466, 4, 1917, "kpi.defectRate.defectiveBefore", "实施前（行业平均）不合格样品数必须大于 0（现为 0）：计算降低比例（实施前不良品率为 0 时无从降低）时要除以它。")]
    [InlineData(4, 1466, 4, 0, "kpi.defectRate.totalAfter", "实施后（本项目）样品总数必须大于 0（现为 0）：计算不良品率时要除以它。")]
    [InlineData(4, 1466, -1, 1917, "kpi.defectRate.defectiveAfter", "实施后（本项目）不合格样品数不能为负数（现为 -1）。")]
    public void DefectRate_ImpossibleCounts_GiveInputErrors(int defBefore, int totBefore, int defAfter, int totAfter, string field, string message)
    {
        var result = KpiCalculator.DefectRate(DefectRateInput.FromCounts(defBefore, totBefore, defAfter, totAfter), KpiSettings.Default);

        Assert.Contains(result.Errors, e => e.Field == field && e.Message == message);
        Assert.Null(result.Percent);
    }

    [Theory]
    [InlineData("0", "0.21", "kpi.defectRate.rateBefore")]
    [InlineData("100.5", "0.21", "kpi.defectRate.rateBefore")]
    [InlineData("0.27", "-0.1", "kpi.defectRate.rateAfter")]
    public void DefectRate_ImpossibleRates_GiveInputErrors(string before, string after, string field)
    {
        var input = DefectRateInput.FromRates(decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        var result = KpiCalculator.DefectRate(input, KpiSettings.Default);

        Assert.Contains(result.Errors, e => e.Field == field);
        Assert.Null(result.Percent);
    }
}
