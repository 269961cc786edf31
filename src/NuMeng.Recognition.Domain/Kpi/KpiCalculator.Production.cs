namespace NuMeng.Recognition.Domain.Kpi;

public static partial class KpiCalculator
{
    /// <summary>
    /// 生产效率提高 (技术条件 三（1）) = (after output ÷ after headcount − before output ÷ before headcount)
    /// ÷ (before output ÷ before headcount) × 100%. The document's example (1928/648 vs 1852/795) is 27.72%,
    /// not the 21.69% it prints.
    /// </summary>
    public static KpiResult ProductionEfficiency(ProductionEfficiencyInput input, KpiSettings settings, KpiBaseline? baseline = KpiBaseline.Renovation, string? prefix = null)
    {
        var (b, a) = (KpiBaselines.Before(baseline), KpiBaselines.After(baseline));
        var formula = $"生产效率提高 =（{a}产量 ÷ {a}人数 − {b}产量 ÷ {b}人数）÷（{b}产量 ÷ {b}人数）× 100%";
        var at = prefix ?? DefaultPrefix(KpiCode.ProductionEfficiency);
        var errors = input.Validate(at);
        if (errors.Count > 0)
        {
            return Invalid(KpiCode.ProductionEfficiency, baseline, at, formula, input.Declared, errors, settings);
        }

        try
        {
            var (outputBefore, headsBefore) = (input.OutputBefore!.Value, input.HeadcountBefore!.Value);
            var (outputAfter, headsAfter) = (input.OutputAfter!.Value, input.HeadcountAfter!.Value);
            var perBefore = outputBefore / headsBefore;
            var perAfter = outputAfter / headsAfter;
            // Cross-multiplied so the result carries no rounding from the per-capita divisions.
            var percent = (outputAfter * headsBefore - outputBefore * headsAfter) * 100m / (outputBefore * headsAfter);
            KpiStep[] steps =
            [
                new($"{b}人均产量", $"{Figure(outputBefore)} ÷ {Figure(headsBefore)}", perBefore),
                new($"{a}人均产量", $"{Figure(outputAfter)} ÷ {Figure(headsAfter)}", perAfter),
                new("人均产量增加", $"{Inter(perAfter)} − {Inter(perBefore)}", perAfter - perBefore),
                new("生产效率提高", $"{Inter(perAfter - perBefore)} ÷ {Inter(perBefore)} × 100%", percent, "%"),
            ];
            return Finish(KpiCode.ProductionEfficiency, baseline, at, formula, steps, percent, input.Declared, settings);
        }
        catch (Exception ex) when (ex is OverflowException or DivideByZeroException)
        {
            return Overflow(KpiCode.ProductionEfficiency, baseline, at, formula, input.Declared, settings);
        }
    }
}
