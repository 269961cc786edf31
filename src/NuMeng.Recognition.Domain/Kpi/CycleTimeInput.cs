namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// Raw figures of 产品研发（升级）周期缩短 (技术条件 三（3）): the cycle before and after, in one unit (days or months).
/// </summary>
/// <param name="Before">实施前（或行业平均）周期, e.g. 90.</param>
/// <param name="After">实施后（本项目）周期, e.g. 60.</param>
/// <param name="Declared">The enterprise's own result in percent, e.g. 33.3; optional.</param>
/// <param name="Unit">Unit of both figures, e.g. 天 or 月.</param>
public sealed record CycleTimeInput(decimal? Before, decimal? After, decimal? Declared = null, string Unit = "天")
{
    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var checks = new InputChecks(prefix);
        checks.Divisor(Before, "before", "实施前（行业平均）周期", "缩短比例");
        checks.NonNegative(After, "after", "实施后（本项目）周期");
        checks.InRange(Declared, "declared", "申报的产品研发周期缩短值");
        checks.Ranges(this);
        return checks.Errors;
    }
}
