namespace NuMeng.Recognition.Domain.Kpi;

public static partial class KpiCalculator
{
    /// <summary>
    /// 产品研发（升级）周期缩短 (技术条件 三（3）) = (before − after) ÷ before × 100%; 90 → 60 days is 33.33%.
    /// </summary>
    public static KpiResult CycleTime(CycleTimeInput input, KpiSettings settings, KpiBaseline? baseline = KpiBaseline.Renovation, string? prefix = null)
    {
        var (b, a) = (KpiBaselines.Before(baseline), KpiBaselines.After(baseline));
        var formula = $"产品研发周期缩短 =（{b}周期 − {a}周期）÷ {b}周期 × 100%";
        var at = prefix ?? DefaultPrefix(KpiCode.CycleTime);
        var errors = input.Validate(at);
        if (errors.Count > 0)
        {
            return Invalid(KpiCode.CycleTime, baseline, at, formula, input.Declared, errors, settings);
        }

        try
        {
            var (before, after) = (input.Before!.Value, input.After!.Value);
            var percent = (before - after) * 100m / before;
            KpiStep[] steps =
            [
                new("周期缩短", $"{Figure(before)} − {Figure(after)}", before - after, input.Unit),
                new("产品研发周期缩短", $"{Inter(before - after)} ÷ {Figure(before)} × 100%", percent, "%"),
            ];
            return Finish(KpiCode.CycleTime, baseline, at, formula, steps, percent, input.Declared, settings);
        }
        catch (Exception ex) when (ex is OverflowException or DivideByZeroException)
        {
            return Overflow(KpiCode.CycleTime, baseline, at, formula, input.Declared, settings);
        }
    }
}
