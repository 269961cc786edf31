using NuMeng.Recognition.Domain.Kpi;

namespace NuMeng.Recognition.Domain.Tests.Kpi;

public class KpiSettingsTests
{
    [Fact]
    public void Default_IsWhatTheDocumentUses()
    {
        var settings = KpiSettings.Default;

        Assert.Equal(0.05m, settings.TolerancePercentagePoints);
        Assert.Equal(2, settings.ResultDecimals);
        Assert.Equal(MidpointRounding.AwayFromZero, settings.Rounding);
        Assert.Equal(4.1816m, settings.KilojoulesPerKilocalorie); // 技术条件 三（5）: ×4.1816 千焦
    }

    [Theory]
    [InlineData("2.345", "2.35")]  // 四舍五入: half away from zero
    [InlineData("2.344", "2.34")]
    [InlineData("-2.345", "-2.35")]
    public void Round_IsHalfAwayFromZero(string value, string expected)
    {
        var parse = (string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(parse(expected), KpiSettings.Default.Round(parse(value)));
    }

    [Theory]
    [InlineData("15.05", true)]  // exactly 0.05 away: 以内 includes the number
    [InlineData("14.95", true)]
    [InlineData("15.06", false)]
    [InlineData("14.94", false)]
    public void Agrees_ToleranceIsInclusive(string declared, bool agrees)
    {
        Assert.Equal(agrees, KpiSettings.Default.Agrees(decimal.Parse(declared, System.Globalization.CultureInfo.InvariantCulture), 15m));
    }

    [Fact]
    public void Describe_NamesEverySettingWithItsValue()
    {
        var notes = KpiSettings.Default.Describe();

        Assert.Equal(["申报值允许误差", "结果保留小数位数", "舍入规则", "热功当量换算系数"], notes.Select(n => n.Name));
        Assert.Equal("0.05 个百分点", notes[0].Value);
        Assert.Equal("四舍五入", notes[2].Value);
        Assert.Equal("1 千卡 = 4.1816 千焦", notes[3].Value);
        Assert.Contains("4.1868", notes[3].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Flag_DifferenceJustAboveTolerance_IsNotShownAsEqualToIt()
    {
        // 100 → 85 is exactly 15%; 15.0504 is 0.0504 away, which rounds to 0.05 but exceeds it.
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromUnitCosts(100m, 85m, declared: 15.0504m), KpiSettings.Default);

        Assert.Equal("申报值 15.0504% 与系统计算值 15.00% 相差 0.0504 个百分点，超过允许误差 0.05 个百分点", result.Flag);
    }
}
