namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>
/// The five levels of GB/T 39116-2020《智能制造能力成熟度模型》. The value is the level number. Stored by name; never renumber.
/// </summary>
public enum MaturityLevel
{
    /// <summary>一级 规划级.</summary>
    Planning = 1,
    /// <summary>二级 规范级.</summary>
    Standardised = 2,
    /// <summary>三级 集成级.</summary>
    Integrated = 3,
    /// <summary>四级 优化级.</summary>
    Optimised = 4,
    /// <summary>五级 引领级.</summary>
    Leading = 5,
}

/// <summary>Labels, parsing and the score → level mapping of GB/T 39116/39117-2020.</summary>
public static class MaturityLevels
{
    /// <summary>
    /// A level n is reached when the score reaches n − 1 + 0.8 (docs/rule-reference.md §9 "score ≥ 0.8 per level, e.g. 3.55 → 三级"):
    /// 0.8 ≤ S &lt; 1.8 一级, 1.8 ≤ S &lt; 2.8 二级, 2.8 ≤ S &lt; 3.8 三级, 3.8 ≤ S &lt; 4.8 四级, 4.8 ≤ S ≤ 5 五级; below 0.8 no level.
    /// </summary>
    public const decimal LevelEntryFraction = 0.8m;

    /// <summary>Lowest possible score.</summary>
    public const decimal MinimumScore = 0m;

    /// <summary>Highest possible score.</summary>
    public const decimal MaximumScore = 5m;

    /// <summary>The five levels, lowest first.</summary>
    public static IReadOnlyList<MaturityLevel> All { get; } = Enum.GetValues<MaturityLevel>();

    /// <summary>
    /// Where the score-to-level mapping comes from. The self-assessment is run on the national platform by the
    /// GB/T 39117-2020 method; the portal only uses the mapping to flag a declared level that disagrees with the score.
    /// </summary>
    public static Clause ScoreMappingClause { get; } = new(
        "智能制造能力成熟度评估方法（GB/T 39117-2020）",
        "成熟度等级判定（分数与等级的对应关系）",
        "0.8 ≤ S < 1.8 为一级（规划级），1.8 ≤ S < 2.8 为二级（规范级），2.8 ≤ S < 3.8 为三级（集成级），3.8 ≤ S < 4.8 为四级（优化级），4.8 ≤ S ≤ 5 为五级（引领级）");

    /// <summary>The level number 1–5.</summary>
    public static int Number(MaturityLevel level) => (int)level;

    /// <summary>一级 … 五级.</summary>
    public static string Grade(MaturityLevel level) => level switch
    {
        MaturityLevel.Planning => "一级",
        MaturityLevel.Standardised => "二级",
        MaturityLevel.Integrated => "三级",
        MaturityLevel.Optimised => "四级",
        MaturityLevel.Leading => "五级",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "未知的成熟度等级"),
    };

    /// <summary>规划级 … 引领级.</summary>
    public static string Name(MaturityLevel level) => level switch
    {
        MaturityLevel.Planning => "规划级",
        MaturityLevel.Standardised => "规范级",
        MaturityLevel.Integrated => "集成级",
        MaturityLevel.Optimised => "优化级",
        MaturityLevel.Leading => "引领级",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "未知的成熟度等级"),
    };

    /// <summary>三级（集成级）.</summary>
    public static string Label(MaturityLevel level) => $"{Grade(level)}（{Name(level)}）";

    /// <summary>
    /// The level a score reaches: the largest n with score ≥ (n − 1) + 0.8, e.g. 3.55 → 三级, 2.8 → 三级, 2.79 → 二级;
    /// null below 0.8. Bounds are inclusive (达到).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0–5.</exception>
    public static MaturityLevel? FromScore(decimal score)
    {
        if (score is < MinimumScore or > MaximumScore)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "成熟度得分应在 0 至 5 之间（含本数）");
        }
        if (score < LevelEntryFraction)
        {
            return null;
        }
        var n = (int)Math.Floor(score - LevelEntryFraction) + 1;
        return (MaturityLevel)Math.Min(n, Number(MaturityLevel.Leading));
    }

    /// <summary>Lowest score of a level (inclusive): n − 1 + 0.8.</summary>
    public static decimal LowestScore(MaturityLevel level) => Number(level) - 1 + LevelEntryFraction;

    /// <summary>The score band of a level in words, e.g. "2.8 ≤ 得分 < 3.8"; 五级 "4.8 ≤ 得分 ≤ 5".</summary>
    public static string ScoreBand(MaturityLevel level) => level == MaturityLevel.Leading
        ? $"{Numbers.Format(LowestScore(level))} ≤ 得分 ≤ {Numbers.Format(MaximumScore)}"
        : $"{Numbers.Format(LowestScore(level))} ≤ 得分 < {Numbers.Format(LowestScore(level) + 1)}";

    /// <summary>
    /// Checks that a declared level agrees with the score. A disagreement is <see cref="Outcome.NeedsReview"/>
    /// (an expert looks at the self-assessment report), never a failure: the declared level stands until reviewed.
    /// Not applicable when the level or the score is missing.
    /// </summary>
    public static Finding CheckConsistency(MaturityLevel? declared, decimal? score, string code = "maturity-consistency")
    {
        const string title = "成熟度等级与得分一致性";
        if (declared is not { } level || score is not { } s)
        {
            return new Finding(code, title, Outcome.NotApplicable, ScoreMappingClause,
                "自评价等级与得分相互对应",
                declared is null ? "未填报自评价等级" : "未填报自评价得分",
                "等级和得分未同时填报，不作一致性核对。");
        }
        var required = $"{Label(level)}对应 {ScoreBand(level)}";
        if (s is < MinimumScore or > MaximumScore)
        {
            return new Finding(code, title, Outcome.NeedsReview, ScoreMappingClause, required,
                $"得分 {Numbers.Format(s)}", "得分超出 0 至 5 的范围，需核实自评价报告。");
        }
        var fromScore = FromScore(s);
        var derived = fromScore is { } d ? Label(d) : "未达到一级";
        var actual = $"自评价等级 {Label(level)}，得分 {Numbers.Format(s)}（按得分为{derived}）";
        return fromScore == level
            ? new Finding(code, title, Outcome.Pass, ScoreMappingClause, required, actual, "自评价等级与得分一致。")
            : new Finding(code, title, Outcome.NeedsReview, ScoreMappingClause, required, actual,
                $"填报的等级为{Label(level)}，但得分 {Numbers.Format(s)} 对应{derived}，需以自评价报告核实。");
    }

    /// <summary>Parses 三级, 集成级, 三级（集成级）, 3, or the English name.</summary>
    public static bool TryParse(string? text, out MaturityLevel level)
    {
        var trimmed = text?.Trim();
        foreach (var l in All)
        {
            if (string.Equals(trimmed, l.ToString(), StringComparison.OrdinalIgnoreCase)
                || trimmed == Grade(l) || trimmed == Name(l) || trimmed == Label(l)
                || trimmed == Number(l).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                level = l;
                return true;
            }
        }
        level = default;
        return false;
    }
}
