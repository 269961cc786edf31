using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.Rules;

public class ThresholdTests
{
    // 民法典 第一千二百五十九条: 以上、以下 include the number; 超过、不满 do not.
    [Theory]
    [InlineData("60", Comparison.AtLeast, "60", true)]        // "达 60%以上": 60 itself passes
    [InlineData("60", Comparison.AtLeast, "59.99", false)]
    [InlineData("60", Comparison.AtLeast, "60.01", true)]
    [InlineData("10", Comparison.AtMost, "10", true)]         // "10 以下" includes 10
    [InlineData("10", Comparison.AtMost, "10.01", false)]
    [InlineData("10", Comparison.GreaterThan, "10", false)]   // "超过 10" excludes 10
    [InlineData("10", Comparison.GreaterThan, "10.01", true)]
    [InlineData("10", Comparison.LessThan, "10", false)]      // "不满 10" excludes 10
    [InlineData("10", Comparison.LessThan, "9.99", true)]
    public void IsMetBy_BoundsFollowCivilCodeReading(string bar, Comparison comparison, string actual, bool expected)
    {
        var threshold = new Threshold(decimal.Parse(bar, System.Globalization.CultureInfo.InvariantCulture), comparison);
        Assert.Equal(expected, threshold.IsMetBy(decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsMetBy_TwentyOneOfThirtyIsExactlySeventyPercent()
    {
        // decimal arithmetic: 21/30 is exactly 70 %, so a "关键工序数控化率达 70%以上" bar is met.
        var rate = 21m / 30m * 100m;
        Assert.Equal(70m, rate);
        Assert.True(Threshold.AtLeast(70).IsMetBy(rate));
    }

    [Fact]
    public void Describe_SaysWhetherTheNumberIsIncluded()
    {
        Assert.Equal("≥ 60%（含本数）", Threshold.AtLeast(60).Describe());
        Assert.Equal("> 10%（不含本数）", new Threshold(10, Comparison.GreaterThan).Describe());
    }
}
