using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.ExpertReview;

/// <summary>
/// docs/rule-reference.md §10: "aggregation rule of the batch (mean, or dropping the highest and the lowest when there are at least 5
/// experts) shown with the result". "至少/不少于 5 人" includes 5 (民法典 第一千二百五十九条: 以上、以下、以内 include the number).
/// </summary>
public class ScoreAggregationTests
{
    public static TheoryData<string, ScoreAggregationRule, decimal[], decimal?, decimal[], decimal[]> Cases => new()
    {
        // Mean: every score counts, nothing is dropped, whatever the panel size.
        { "mean-3", ScoreAggregationRule.Mean, [80m, 85m, 90m], 85m, [80m, 85m, 90m], [] },
        { "mean-5", ScoreAggregationRule.Mean, [60m, 80m, 85m, 90m, 99m], 82.8m, [60m, 80m, 85m, 90m, 99m], [] },
        // Trimmed: 4 experts is just below the bound — plain mean.
        { "trim-4-below", ScoreAggregationRule.TrimmedMeanFromFive, [70m, 80m, 90m, 100m], 85m, [70m, 80m, 90m, 100m], [] },
        // Exactly 5 — at the bound, inclusive: the highest (99) and the lowest (60) are dropped, mean of 80/85/90 = 85.
        { "trim-5-at", ScoreAggregationRule.TrimmedMeanFromFive, [60m, 80m, 85m, 90m, 99m], 85m, [80m, 85m, 90m], [99m, 60m] },
        // 6 — above the bound: still one highest and one lowest only.
        { "trim-6-above", ScoreAggregationRule.TrimmedMeanFromFive, [60m, 80m, 85m, 90m, 95m, 99m], 87.5m, [80m, 85m, 90m, 95m], [99m, 60m] },
        // Ties: only ONE of the equal highest and ONE of the equal lowest is dropped.
        { "trim-ties", ScoreAggregationRule.TrimmedMeanFromFive, [90m, 90m, 80m, 70m, 70m], 80m, [90m, 80m, 70m], [90m, 70m] },
        // All equal: the dropped pair is that value and the result is unchanged.
        { "trim-all-equal", ScoreAggregationRule.TrimmedMeanFromFive, [88m, 88m, 88m, 88m, 88m], 88m, [88m, 88m, 88m], [88m, 88m] },
        // Rounding to 2 decimals, half away from zero: (80 + 81 + 81) / 3 = 80.666… → 80.67.
        { "round-up", ScoreAggregationRule.Mean, [80m, 81m, 81m], 80.67m, [80m, 81m, 81m], [] },
        // (80 + 80 + 81) / 3 = 80.333… → 80.33.
        { "round-down", ScoreAggregationRule.Mean, [80m, 80m, 81m], 80.33m, [80m, 80m, 81m], [] },
        // Exactly half-way: (80.01 + 80.00) / 2 = 80.005 → 80.01 (half away from zero, not banker's 80.00).
        { "round-half", ScoreAggregationRule.Mean, [80.01m, 80.00m], 80.01m, [80.01m, 80.00m], [] },
        // One expert.
        { "single", ScoreAggregationRule.TrimmedMeanFromFive, [77.5m], 77.5m, [77.5m], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Aggregate_Table_CountedDroppedAndResult(string name, ScoreAggregationRule rule, decimal[] scores, decimal? result, decimal[] counted, decimal[] dropped)
    {
        var aggregated = ScoreAggregation.Aggregate(scores, rule);

        Assert.True(result == aggregated.Result, $"{name}: 期望 {result}，实为 {aggregated.Result}");
        Assert.Equal(counted, aggregated.Counted);
        Assert.Equal(dropped, aggregated.Dropped);
        Assert.Equal(scores, aggregated.Scores);
        Assert.Equal(rule, aggregated.Rule);
    }

    [Fact]
    public void Aggregate_FourScoresUnderTrimRule_ExplainsWhyNothingWasDropped()
    {
        var aggregated = ScoreAggregation.Aggregate([70m, 80m, 90m, 100m], ScoreAggregationRule.TrimmedMeanFromFive);

        Assert.Equal("共4位专家评分（不足5人，不去掉最高分和最低分），平均分为85", aggregated.Explanation);
    }

    [Fact]
    public void Aggregate_FiveScoresUnderTrimRule_ExplainsDroppedScores()
    {
        var aggregated = ScoreAggregation.Aggregate([60m, 80m, 85m, 90m, 99m], ScoreAggregationRule.TrimmedMeanFromFive);

        Assert.Equal("共5位专家评分，去掉最高分99和最低分60，其余3个评分的平均分为85", aggregated.Explanation);
    }

    [Fact]
    public void Aggregate_MeanRule_ExplainsMean()
    {
        var aggregated = ScoreAggregation.Aggregate([80m, 81m, 81m], ScoreAggregationRule.Mean);

        Assert.Equal("共3位专家评分，算术平均分为80.67", aggregated.Explanation);
    }

    [Theory]
    [InlineData(ScoreAggregationRule.Mean)]
    [InlineData(ScoreAggregationRule.TrimmedMeanFromFive)]
    public void Aggregate_NoScores_NoResult(ScoreAggregationRule rule)
    {
        var aggregated = ScoreAggregation.Aggregate([], rule);

        Assert.Null(aggregated.Result);
        Assert.Empty(aggregated.Counted);
        Assert.Equal("尚无已提交的评分", aggregated.Explanation);
    }

    [Theory]
    [InlineData(ScoreAggregationRule.Mean, "算术平均")]
    [InlineData(ScoreAggregationRule.TrimmedMeanFromFive, "专家不少于5人时去掉一个最高分和一个最低分后取平均")]
    public void Label_EachRule_Chinese(ScoreAggregationRule rule, string label) =>
        Assert.Equal(label, ScoreAggregation.Label(rule));
}
