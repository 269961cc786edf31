namespace NuMeng.Recognition.Domain.Kpi;

public static partial class KpiCalculator
{
    /// <summary>
    /// 产品不良品率降低 (技术条件 三（4）) = (rate before − rate after) ÷ rate before × 100%, a rate being
    /// defective ÷ total × 100% when counts are given. The document's example: 22.22% from its rounded rates
    /// 0.27% → 0.21%, but 23.53% from its own sample counts 4/1466 → 4/1917 (its formula line also wrongly uses 0.41).
    /// </summary>
    public static KpiResult DefectRate(DefectRateInput input, KpiSettings settings, KpiBaseline? baseline = KpiBaseline.Renovation, string? prefix = null)
    {
        var (b, a) = (KpiBaselines.Before(baseline), KpiBaselines.After(baseline));
        var formula = $"产品不良品率降低 =（{b}不良品率 − {a}不良品率）÷ {b}不良品率 × 100%" +
            (input.UsesCounts() ? "；不良品率 = 不合格样品数 ÷ 样品总数 × 100%" : string.Empty);
        var at = prefix ?? DefaultPrefix(KpiCode.DefectRate);
        var errors = input.Validate(at);
        if (errors.Count > 0)
        {
            return Invalid(KpiCode.DefectRate, baseline, at, formula, input.Declared, errors, settings);
        }

        try
        {
            var steps = new List<KpiStep>();
            decimal rateBefore, rateAfter, percent;
            if (input.UsesCounts())
            {
                var (defBefore, totBefore) = (input.DefectiveBefore!.Value, input.TotalBefore!.Value);
                var (defAfter, totAfter) = (input.DefectiveAfter!.Value, input.TotalAfter!.Value);
                rateBefore = defBefore * 100m / totBefore;
                rateAfter = defAfter * 100m / totAfter;
                steps.Add(new($"{b}不良品率", $"{Figure(defBefore)} ÷ {Figure(totBefore)} × 100%", rateBefore, "%"));
                steps.Add(new($"{a}不良品率", $"{Figure(defAfter)} ÷ {Figure(totAfter)} × 100%", rateAfter, "%"));
                // Cross-multiplied so the result carries no rounding from the rate divisions.
                percent = (defBefore * totAfter - defAfter * totBefore) * 100m / (defBefore * totAfter);
            }
            else
            {
                rateBefore = input.RateBefore!.Value;
                rateAfter = input.RateAfter!.Value;
                percent = (rateBefore - rateAfter) * 100m / rateBefore;
            }
            steps.Add(new("不良品率下降", $"{Inter(rateBefore)}% − {Inter(rateAfter)}%", rateBefore - rateAfter, " 个百分点"));
            steps.Add(new("产品不良品率降低", $"{Inter(rateBefore - rateAfter)} ÷ {Inter(rateBefore)} × 100%", percent, "%"));
            return Finish(KpiCode.DefectRate, baseline, at, formula, steps, percent, input.Declared, settings);
        }
        catch (Exception ex) when (ex is OverflowException or DivideByZeroException)
        {
            return Overflow(KpiCode.DefectRate, baseline, at, formula, input.Declared, settings);
        }
    }
}
