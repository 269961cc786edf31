namespace NuMeng.Recognition.Domain.ExpertReview;

/// <summary>
/// One panel's result: the scores that counted, the ones dropped, the rule applied and the result, so the page and the
/// paper show how the figure came about (docs/rule-reference.md §10).
/// </summary>
/// <param name="Rule">The batch's rule.</param>
/// <param name="Scores">Every submitted score, in the order given.</param>
/// <param name="Counted">The scores the result is the mean of.</param>
/// <param name="Dropped">The highest and the lowest score, when the rule dropped them; otherwise empty.</param>
/// <param name="Result">The mean of <paramref name="Counted"/>, rounded half away from zero to 2 decimals; null with no score.</param>
/// <param name="Explanation">How the result was formed, in Chinese.</param>
public sealed record AggregatedScore(
    ScoreAggregationRule Rule,
    IReadOnlyList<decimal> Scores,
    IReadOnlyList<decimal> Counted,
    IReadOnlyList<decimal> Dropped,
    decimal? Result,
    string Explanation);

/// <summary>Combines a panel's independent scores by the batch's <see cref="ScoreAggregationRule"/>.</summary>
public static class ScoreAggregation
{
    /// <summary>The fewest scores from which the highest and the lowest are dropped (docs/rule-reference.md §10: "at least 5 experts").</summary>
    public const int TrimFrom = 5;

    public static string Label(ScoreAggregationRule rule) => rule switch
    {
        ScoreAggregationRule.Mean => "算术平均",
        ScoreAggregationRule.TrimmedMeanFromFive => "专家不少于5人时去掉一个最高分和一个最低分后取平均",
        _ => rule.ToString(),
    };

    public static AggregatedScore Aggregate(IReadOnlyList<decimal> scores, ScoreAggregationRule rule)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return new AggregatedScore(rule, scores, [], [], null, "尚无已提交的评分");
        }

        // "不少于5人" includes 5 (民法典 第一千二百五十九条).
        var trim = rule == ScoreAggregationRule.TrimmedMeanFromFive && scores.Count >= TrimFrom;
        var counted = scores.ToList();
        var dropped = new List<decimal>();
        if (trim)
        {
            var highest = counted.Max();
            var lowest = counted.Min();
            counted.RemoveAt(counted.IndexOf(highest));
            counted.RemoveAt(counted.IndexOf(lowest));
            dropped.Add(highest);
            dropped.Add(lowest);
        }

        var result = Math.Round(counted.Sum() / counted.Count, 2, MidpointRounding.AwayFromZero);
        var explanation = trim
            ? $"共{scores.Count}位专家评分，去掉最高分{Numbers(highestOf(dropped))}和最低分{Numbers(dropped[1])}，其余{counted.Count}个评分的平均分为{Numbers(result)}"
            : rule == ScoreAggregationRule.TrimmedMeanFromFive
                ? $"共{scores.Count}位专家评分（不足{TrimFrom}人，不去掉最高分和最低分），平均分为{Numbers(result)}"
                : $"共{scores.Count}位专家评分，算术平均分为{Numbers(result)}";
        return new AggregatedScore(rule, scores, counted, dropped, result, explanation);

        static decimal highestOf(List<decimal> d) => d[0];
    }

    private static string Numbers(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
