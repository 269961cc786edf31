namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// Raw figures of 产品不良品率降低 (技术条件 三（4）): either sample counts (defective of total, before and after;
/// 表 2 and 表 3: 4 of 1466 and 4 of 1917) or the rates in percent (0.27 → 0.21). Counts win when given: they
/// are what the rates were rounded from (23.53% from the counts, 22.22% from the rounded rates).
/// </summary>
/// <param name="DefectiveBefore">实施前（或行业平均）不合格样品数.</param>
/// <param name="TotalBefore">实施前（或行业平均）样品总数.</param>
/// <param name="DefectiveAfter">实施后（本项目）不合格样品数.</param>
/// <param name="TotalAfter">实施后（本项目）样品总数.</param>
/// <param name="RateBefore">实施前不良品率 in percent, when no counts are given.</param>
/// <param name="RateAfter">实施后不良品率 in percent, when no counts are given.</param>
/// <param name="Declared">The enterprise's own result in percent; optional.</param>
public sealed record DefectRateInput(
    decimal? DefectiveBefore = null,
    decimal? TotalBefore = null,
    decimal? DefectiveAfter = null,
    decimal? TotalAfter = null,
    decimal? RateBefore = null,
    decimal? RateAfter = null,
    decimal? Declared = null)
{
    public static DefectRateInput FromCounts(decimal defectiveBefore, decimal totalBefore, decimal defectiveAfter, decimal totalAfter, decimal? declared = null) =>
        new(defectiveBefore, totalBefore, defectiveAfter, totalAfter, Declared: declared);

    public static DefectRateInput FromRates(decimal rateBefore, decimal rateAfter, decimal? declared = null) =>
        new(RateBefore: rateBefore, RateAfter: rateAfter, Declared: declared);

    /// <summary>True when any sample count is given: then all four are required and the rates are derived from them.</summary>
    public bool UsesCounts() => DefectiveBefore is not null || TotalBefore is not null || DefectiveAfter is not null || TotalAfter is not null;

    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var checks = new InputChecks(prefix);
        checks.InRange(Declared, "declared", "申报的产品不良品率降低值");
        if (UsesCounts())
        {
            checks.Divisor(DefectiveBefore, "defectiveBefore", "实施前（行业平均）不合格样品数", "降低比例（实施前不良品率为 0 时无从降低）");
            checks.Divisor(TotalBefore, "totalBefore", "实施前（行业平均）样品总数", "不良品率");
            checks.NonNegative(DefectiveAfter, "defectiveAfter", "实施后（本项目）不合格样品数");
            checks.Divisor(TotalAfter, "totalAfter", "实施后（本项目）样品总数", "不良品率");
            checks.NotAbove(DefectiveBefore, TotalBefore, "defectiveBefore", "实施前不合格样品数", "实施前样品总数");
            checks.NotAbove(DefectiveAfter, TotalAfter, "defectiveAfter", "实施后不合格样品数", "实施后样品总数");
            checks.Ranges(this);
            return checks.Errors;
        }

        checks.Percent(RateBefore, "rateBefore", "实施前（行业平均）不良品率");
        if (RateBefore == 0)
        {
            checks.Add("rateBefore", "实施前（行业平均）不良品率为 0，无法计算降低比例（除数为 0）。");
        }
        checks.Percent(RateAfter, "rateAfter", "实施后（本项目）不良品率");
        checks.Ranges(this);
        return checks.Errors;
    }
}
