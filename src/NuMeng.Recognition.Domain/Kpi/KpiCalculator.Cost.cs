namespace NuMeng.Recognition.Domain.Kpi;

public static partial class KpiCalculator
{
    /// <summary>
    /// 运营成本降低 (技术条件 三（2）) = (unit cost before − unit cost after) ÷ unit cost before × 100%, the unit costs
    /// being the sums of the cost table when one is given. The document's example (6836.43 → 5354.39) is 21.68%,
    /// not the 21.67% it prints.
    /// </summary>
    public static KpiResult OperatingCost(OperatingCostInput input, KpiSettings settings, KpiBaseline? baseline = KpiBaseline.Renovation, string? prefix = null)
    {
        var (b, a) = (KpiBaselines.Before(baseline), KpiBaselines.After(baseline));
        var formula = $"运营成本降低 =（{b}单位成本 − {a}单位成本）÷ {b}单位成本 × 100%";
        var at = prefix ?? DefaultPrefix(KpiCode.OperatingCost);
        var errors = input.Validate(at);
        if (errors.Count > 0)
        {
            return Invalid(KpiCode.OperatingCost, baseline, at, formula, input.Declared, errors, settings);
        }

        try
        {
            var before = input.UnitCostBeforeTotal()!.Value;
            var after = input.UnitCostAfterTotal()!.Value;
            var steps = new List<KpiStep>();
            if (input.UsesTable())
            {
                var lines = input.Lines!;
                // Validate guarantees every line has both figures.
                steps.AddRange(lines.Select(l => new KpiStep($"{l.Name}降低", $"{Figure(l.Before!.Value)} − {Figure(l.After!.Value)}", l.Reduction()!.Value)));
                steps.Add(new($"{b}单位成本合计", string.Join(" + ", lines.Select(l => Figure(l.Before!.Value))), before));
                steps.Add(new($"{a}单位成本合计", string.Join(" + ", lines.Select(l => Figure(l.After!.Value))), after));
            }
            var percent = (before - after) * 100m / before;
            steps.Add(new("单位成本降低", $"{Figure(before)} − {Figure(after)}", before - after));
            steps.Add(new("运营成本降低", $"{Inter(before - after)} ÷ {Figure(before)} × 100%", percent, "%"));
            return Finish(KpiCode.OperatingCost, baseline, at, formula, steps, percent, input.Declared, settings);
        }
        catch (Exception ex) when (ex is OverflowException or DivideByZeroException)
        {
            return Overflow(KpiCode.OperatingCost, baseline, at, formula, input.Declared, settings);
        }
    }
}
