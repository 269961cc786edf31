using System.Globalization;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Tiers;

public class MaturityLevelsTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    // GB/T 39116/39117-2020 score → level (docs/rule-reference.md §9 "score ≥ 0.8 per level, e.g. 3.55 → 三级"):
    // level n is reached at (n − 1) + 0.8, inclusive: 0.8 ≤ S < 1.8 一级 … 4.8 ≤ S ≤ 5 五级; below 0.8 no level.
    [Theory]
    [InlineData("0", null)]
    [InlineData("0.79", null)]
    [InlineData("0.8", MaturityLevel.Planning)]
    [InlineData("0.81", MaturityLevel.Planning)]
    [InlineData("1.79", MaturityLevel.Planning)]
    [InlineData("1.8", MaturityLevel.Standardised)]
    [InlineData("1.81", MaturityLevel.Standardised)]
    [InlineData("2.79", MaturityLevel.Standardised)]
    [InlineData("2.8", MaturityLevel.Integrated)]
    [InlineData("3.55", MaturityLevel.Integrated)] // the rule reference's example
    [InlineData("3.79", MaturityLevel.Integrated)]
    [InlineData("3.8", MaturityLevel.Optimised)]
    [InlineData("4.79", MaturityLevel.Optimised)]
    [InlineData("4.8", MaturityLevel.Leading)]
    [InlineData("4.99", MaturityLevel.Leading)]
    [InlineData("5", MaturityLevel.Leading)]
    public void FromScore_ScoreAroundEachBand_GivesLevel(string score, MaturityLevel? expected)
    {
        Assert.Equal(expected, MaturityLevels.FromScore(D(score)));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("5.01")]
    public void FromScore_OutsideZeroToFive_Throws(string score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MaturityLevels.FromScore(D(score)));
    }

    [Theory]
    [InlineData(MaturityLevel.Planning, 1, "一级（规划级）", "0.8 ≤ 得分 < 1.8")]
    [InlineData(MaturityLevel.Standardised, 2, "二级（规范级）", "1.8 ≤ 得分 < 2.8")]
    [InlineData(MaturityLevel.Integrated, 3, "三级（集成级）", "2.8 ≤ 得分 < 3.8")]
    [InlineData(MaturityLevel.Optimised, 4, "四级（优化级）", "3.8 ≤ 得分 < 4.8")]
    [InlineData(MaturityLevel.Leading, 5, "五级（引领级）", "4.8 ≤ 得分 ≤ 5")]
    public void Label_EachLevel_GradeNameAndBand(MaturityLevel level, int number, string label, string band)
    {
        Assert.Equal(number, MaturityLevels.Number(level));
        Assert.Equal(label, MaturityLevels.Label(level));
        Assert.Equal(band, MaturityLevels.ScoreBand(level));
        Assert.True(MaturityLevels.TryParse(label, out var parsed));
        Assert.Equal(level, parsed);
    }

    [Theory]
    [InlineData("三级", MaturityLevel.Integrated)]
    [InlineData("集成级", MaturityLevel.Integrated)]
    [InlineData("4", MaturityLevel.Optimised)]
    [InlineData("optimised", MaturityLevel.Optimised)]
    public void TryParse_Forms_Parse(string text, MaturityLevel expected)
    {
        Assert.True(MaturityLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    // A declared level that disagrees with the score is flagged for review, never failed.
    [Theory]
    [InlineData(MaturityLevel.Integrated, "3.55", Outcome.Pass)]
    [InlineData(MaturityLevel.Integrated, "2.8", Outcome.Pass)]
    [InlineData(MaturityLevel.Integrated, "2.79", Outcome.NeedsReview)]
    [InlineData(MaturityLevel.Integrated, "3.8", Outcome.NeedsReview)]
    [InlineData(MaturityLevel.Optimised, "3.55", Outcome.NeedsReview)]
    [InlineData(MaturityLevel.Planning, "0.5", Outcome.NeedsReview)]
    [InlineData(MaturityLevel.Leading, "5", Outcome.Pass)]
    [InlineData(MaturityLevel.Integrated, null, Outcome.NotApplicable)]
    [InlineData(null, "3.55", Outcome.NotApplicable)]
    public void CheckConsistency_DeclaredAgainstScore_PassOrNeedsReview(MaturityLevel? declared, string? score, Outcome expected)
    {
        var finding = MaturityLevels.CheckConsistency(declared, score is null ? null : D(score));

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(MaturityLevels.ScoreMappingClause, finding.Clause);
    }

    [Fact]
    public void CheckConsistency_Disagreement_ExplainsBothLevels()
    {
        var finding = MaturityLevels.CheckConsistency(MaturityLevel.Optimised, 3.55m);

        Assert.Equal("四级（优化级）对应 3.8 ≤ 得分 < 4.8", finding.Required);
        Assert.Equal("自评价等级 四级（优化级），得分 3.55（按得分为三级（集成级））", finding.Actual);
        Assert.Equal("填报的等级为四级（优化级），但得分 3.55 对应三级（集成级），需以自评价报告核实。", finding.Explanation);
    }
}
