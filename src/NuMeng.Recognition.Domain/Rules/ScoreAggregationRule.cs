namespace NuMeng.Recognition.Domain.Rules;

/// <summary>
/// How a panel's independent expert scores become one result (docs/rule-reference.md §10, our own requirement; the documents give none).
/// A batch names its rule; stored by name, never renumber.
/// </summary>
public enum ScoreAggregationRule
{
    /// <summary>算术平均: the mean of every submitted score of the experts who did not recuse themselves.</summary>
    Mean,

    /// <summary>
    /// 去掉一个最高分和一个最低分后取平均: when the panel has at least 5 submitted scores; with fewer the mean is taken,
    /// and the result says so.
    /// </summary>
    TrimmedMeanFromFive,
}
