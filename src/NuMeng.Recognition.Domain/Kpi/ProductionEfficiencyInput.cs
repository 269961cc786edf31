namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// Raw figures of 生产效率提高 (技术条件 三（1）): output (e.g. tonnes per day) and headcount before and after.
/// For a new build the "before" figures are the industry average.
/// </summary>
/// <param name="OutputBefore">实施前（或行业平均）产量, e.g. 1852 t/day.</param>
/// <param name="HeadcountBefore">实施前（或行业平均）人数, e.g. 795.</param>
/// <param name="OutputAfter">实施后（本项目）产量, e.g. 1928 t/day.</param>
/// <param name="HeadcountAfter">实施后（本项目）人数, e.g. 648.</param>
/// <param name="Declared">The enterprise's own result in percent, e.g. 21.69; optional.</param>
public sealed record ProductionEfficiencyInput(
    decimal? OutputBefore,
    decimal? HeadcountBefore,
    decimal? OutputAfter,
    decimal? HeadcountAfter,
    decimal? Declared = null)
{
    /// <summary>Missing figures, negatives and zero divisors, named by JSON field under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var checks = new InputChecks(prefix);
        // Before output is divided by (before per-capita output is the denominator of the result), so it must be > 0.
        checks.Divisor(OutputBefore, "outputBefore", "实施前（行业平均）产量", "提高比例");
        checks.Divisor(HeadcountBefore, "headcountBefore", "实施前（行业平均）人数", "人均产量");
        checks.NonNegative(OutputAfter, "outputAfter", "实施后（本项目）产量");
        checks.Divisor(HeadcountAfter, "headcountAfter", "实施后（本项目）人数", "人均产量");
        checks.InRange(Declared, "declared", "申报的生产效率提高值");
        checks.Ranges(this);
        return checks.Errors;
    }
}
